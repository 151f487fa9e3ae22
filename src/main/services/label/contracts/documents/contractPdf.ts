import PDFDocument from 'pdfkit';
import type { Contract } from '../../../../../shared/domain/contract';
import { fill, type ContractTemplate } from './contractTemplate';

export interface ContractPdfInput {
  readonly contract: Contract;
  /** The workspace's organization name; the template's default when empty. */
  readonly organization: string;
  readonly generatedAt: Date;
}

export interface PdfFonts {
  /** A TrueType font covering Latin and Chinese (embedded as a subset of the glyphs used). */
  readonly regular: string;
}

const MARGIN = { top: 64, bottom: 72, left: 64, right: 64 };
const LABEL_WIDTH = 140;
const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#9aa5b1';

const day = (iso: string | null): string | null => iso?.slice(0, 10) ?? null;
const instant = (iso: string | null): string | null =>
  iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : null;

/** Blank lines between paragraphs become one break: the paragraph gap spaces them. */
const paragraphs = (terms: string | null): string =>
  (terms ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .join('\n');

/**
 * A contract as a PDF: title, parties, details, terms, signature blocks and "Page N of M" on
 * every page. Resolves with the whole file; documents are small.
 */
export function renderContractPdf(
  input: ContractPdfInput,
  template: ContractTemplate,
  fonts: PdfFonts,
): Promise<Buffer> {
  const { contract } = input;
  const title = template.titles[contract.contractType];
  const organization = input.organization.trim() || template.defaultOrganization;
  const artist = contract.expanded.artist.artistName;
  const reference = contract.id.slice(0, 8).toUpperCase();

  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `${title}: ${artist}`,
      Author: organization,
      Subject: `${title} ${reference}`,
      Creator: 'Greenroom',
      CreationDate: input.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('body', fonts.regular);
  doc.font('body');
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;

  const heading = (text: string) => {
    doc.moveDown(1.2);
    doc.fillColor(INK).fontSize(13).text(text, left, doc.y, { width });
    const y = doc.y + 2;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.moveDown(0.6);
  };
  const row = (label: string, value: string | null) => {
    const y = doc.y;
    doc
      .fontSize(10)
      .fillColor(MUTED)
      .text(label, left, y, { width: LABEL_WIDTH - 12 });
    const afterLabel = doc.y;
    doc
      .fillColor(INK)
      .text(value ?? template.notSet, left + LABEL_WIDTH, y, { width: width - LABEL_WIDTH });
    doc.y = Math.max(afterLabel, doc.y) + 4;
  };

  doc.fillColor(MUTED).fontSize(10).text(organization, left, MARGIN.top, { width });
  doc.moveDown(0.4);
  doc.fillColor(INK).fontSize(22).text(title, { width });
  doc.fontSize(14).text(artist, { width });
  doc.moveDown(0.6);
  doc
    .fillColor(MUTED)
    .fontSize(9)
    .text(fill(template.generated, { date: instant(input.generatedAt.toISOString())! }), {
      width,
    });

  heading(template.sections.parties);
  doc.fillColor(INK).fontSize(10.5).text(fill(template.intro, { organization, artist }), {
    width,
    lineGap: 2,
  });
  doc.moveDown(0.6);
  row(template.fields.label, organization);
  row(template.fields.artist, artist);

  heading(template.sections.details);
  row(template.fields.reference, reference);
  row(template.fields.contractType, title);
  row(template.fields.status, contract.status);
  row(template.fields.effectiveDate, day(contract.effectiveDate));
  row(template.fields.signedAt, instant(contract.signedAt));
  row(template.fields.optionDate, day(contract.optionDate));
  row(template.fields.noticeDate, day(contract.noticeDate));
  row(template.fields.expiryDate, day(contract.expiryDate));
  row(
    template.fields.legalOwner,
    `${contract.expanded.legalOwner.fullName} (${contract.expanded.legalOwner.username})`,
  );

  heading(template.sections.terms);
  doc
    .fillColor(INK)
    .fontSize(10.5)
    .text(paragraphs(contract.terms) || template.noTerms, left, doc.y, {
      width,
      lineGap: 2,
      paragraphGap: 6,
    });

  // The signature blocks stay together on one page.
  const blockHeight = 170;
  if (doc.y + blockHeight > doc.page.height - MARGIN.bottom) doc.addPage();
  heading(template.sections.signatures);
  const column = (width - 32) / 2;
  const top = doc.y + 8;
  const block = (x: string, name: string, at: number) => {
    doc
      .fillColor(INK)
      .fontSize(10.5)
      .text(fill(template.signatureFor, { party: x }), at, top, {
        width: column,
      });
    const lineY = top + 56;
    doc
      .moveTo(at, lineY)
      .lineTo(at + column, lineY)
      .lineWidth(0.75)
      .strokeColor(INK)
      .stroke();
    doc
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(`${template.signatureName}: ${name}`, at, lineY + 8, { width: column });
    doc.text(`${template.signatureDate}: ____________________`, at, doc.y + 6, { width: column });
  };
  block(organization, contract.expanded.legalOwner.fullName, left);
  block(artist, artist, left + column + 32);

  // Page numbers once the page count is known; the footer sits in the bottom margin.
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(
        fill(template.footer, { title, reference, page: index + 1, pages: range.count }),
        left,
        doc.page.height - 44,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
