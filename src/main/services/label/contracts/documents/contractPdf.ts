import PDFDocument from 'pdfkit';
import type { Contract } from '../../../../../shared/domain/contract';
import { fill, type ContractTemplate } from './contractTemplate';
import { contractReference } from './fileName';
import { loadFontChain, type FontChain, type PdfFonts } from './fonts';
import { layoutText, type Line } from './textLayout';

export type { PdfFonts } from './fonts';

export interface ContractPdfInput {
  readonly contract: Contract;
  /** The workspace's organization name; the template's default when empty. */
  readonly organization: string;
  readonly generatedAt: Date;
}

const MARGIN = { top: 64, bottom: 72, left: 64, right: 64 };
const LABEL_WIDTH = 140;
const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#9aa5b1';
/** Line height as a multiple of the font size: room for CJK and for accents above capitals. */
const LEADING = 1.42;
/** Where the baseline sits in a line, as a multiple of the font size. */
const ASCENT = 1.08;
/** Blank space between the party's name and the signature line, to sign in. */
const SIGNING_ROOM = 44;

const day = (iso: string | null): string | null => iso?.slice(0, 10) ?? null;
const instant = (iso: string | null): string | null =>
  iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : null;

/** Paragraphs are separated by blank lines; a single line break stays a line break. */
const paragraphs = (terms: string | null): string[] =>
  (terms ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/** Laid-out text, not yet placed: its lines and how tall they stand. */
interface Block {
  readonly lines: readonly Line[];
  readonly size: number;
  readonly lineHeight: number;
  readonly color: string;
}
const heightOf = (block: Block, lines = block.lines.length) => lines * block.lineHeight;

/**
 * A contract as a PDF: title, parties, details, terms, signature blocks and "Page N of M" on
 * every page. Text is set line by line in a chain of fonts (Latin, Greek and Cyrillic, then
 * CJK), so any script prints and can be copied back out. A heading stays with the start of what
 * follows it, and the signature block with its heading on one page, after the terms.
 * Resolves with the whole file; documents are small.
 */
export function renderContractPdf(
  input: ContractPdfInput,
  template: ContractTemplate,
  fonts: PdfFonts,
): Promise<Buffer> {
  const chain = loadFontChain(fonts);
  const { contract } = input;
  const title = template.titles[contract.contractType];
  const organization = input.organization.trim() || template.defaultOrganization;
  const artist = contract.expanded.artist.artistName;
  const reference = contractReference(contract.id);

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

  const page = new Page(doc, chain);
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const text = (value: string, size: number, color: string, within = width, gap = 0): Block =>
    page.block(value, size, color, within, gap);

  /** A label and its value side by side, kept on one page. */
  const row = (label: string, value: string | null) => {
    const name = text(label, 10, MUTED, LABEL_WIDTH - 12);
    const shown = text(value ?? template.notSet, 10, INK, width - LABEL_WIDTH);
    const height = Math.max(heightOf(name), heightOf(shown));
    page.ensure(height);
    page.draw(name, left, page.y);
    page.draw(shown, left + LABEL_WIDTH, page.y);
    page.y += height + 4;
  };
  const rowHeight = (label: string, value: string) =>
    Math.max(
      heightOf(text(label, 10, MUTED, LABEL_WIDTH - 12)),
      heightOf(text(value, 10, INK, width - LABEL_WIDTH)),
    );
  /** A heading never ends a page: it moves on with `keep` points of what follows it. */
  const heading = (value: string, keep: number) => {
    const block = text(value, 13, INK);
    page.y += 14;
    page.ensure(heightOf(block) + 10 + keep);
    page.draw(block, left, page.y);
    page.y += heightOf(block) + 2;
    doc
      .moveTo(left, page.y)
      .lineTo(left + width, page.y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    page.y += 8;
  };

  page.y = MARGIN.top;
  page.flow(text(organization, 10, MUTED), left);
  page.y += 4;
  page.flow(text(title, 22, INK), left);
  page.flow(text(artist, 14, INK), left);
  page.y += 8;
  page.flow(
    text(fill(template.generated, { date: instant(input.generatedAt.toISOString())! }), 9, MUTED),
    left,
  );

  const intro = text(fill(template.intro, { organization, artist }), 10.5, INK, width, 2);
  heading(template.sections.parties, heightOf(intro, Math.min(2, intro.lines.length)));
  page.flow(intro, left);
  page.y += 8;
  row(template.fields.label, organization);
  row(template.fields.artist, artist);

  heading(template.sections.details, rowHeight(template.fields.reference, reference));
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

  const terms = paragraphs(contract.terms);
  const termBlocks = (terms.length > 0 ? terms : [template.noTerms]).map((paragraph) =>
    text(paragraph, 10.5, INK, width, 2),
  );
  const [firstTerm] = termBlocks;
  heading(template.sections.terms, heightOf(firstTerm!, Math.min(2, firstTerm!.lines.length)));
  for (const [index, block] of termBlocks.entries()) {
    if (index > 0) page.y += 6;
    page.flow(block, left);
  }

  // The signature blocks: two columns laid out first, so that the whole block (heading
  // included) is placed on one page, below the terms, with room to sign above each line.
  const gutter = 32;
  const column = (width - gutter) / 2;
  const parties = [
    { party: organization, name: contract.expanded.legalOwner.fullName },
    { party: artist, name: artist },
  ].map(({ party, name }) => ({
    party: text(fill(template.signatureFor, { party }), 10.5, INK, column),
    name: text(`${template.signatureName}: ${name}`, 9.5, MUTED, column),
    date: text(`${template.signatureDate}: ____________________`, 9.5, MUTED, column),
  }));
  const partyHeight = Math.max(...parties.map((each) => heightOf(each.party)));
  const nameHeight = Math.max(...parties.map((each) => heightOf(each.name)));
  const dateHeight = Math.max(...parties.map((each) => heightOf(each.date)));
  heading(
    template.sections.signatures,
    8 + partyHeight + SIGNING_ROOM + 8 + nameHeight + 6 + dateHeight,
  );
  const top = page.y + 8;
  const lineY = top + partyHeight + SIGNING_ROOM;
  for (const [index, each] of parties.entries()) {
    const x = left + index * (column + gutter);
    page.draw(each.party, x, top);
    doc
      .moveTo(x, lineY)
      .lineTo(x + column, lineY)
      .lineWidth(0.75)
      .strokeColor(INK)
      .stroke();
    page.draw(each.name, x, lineY + 8);
    page.draw(each.date, x, lineY + 8 + heightOf(each.name) + 6);
  }
  page.y = lineY + 8 + nameHeight + 6 + dateHeight;

  // Page numbers once the page count is known; the footer sits in the bottom margin.
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    const footer = text(
      fill(template.footer, { title, reference, page: index + 1, pages: range.count }),
      8.5,
      MUTED,
    );
    for (const line of footer.lines) {
      page.drawLine(line, footer, left + (width - line.width) / 2, doc.page.height - 44);
    }
  }
  doc.end();
  return done;
}

/** The page being written: where the next line goes, and when to start a new page. */
class Page {
  y = MARGIN.top;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly chain: FontChain,
  ) {
    // pdfkit takes a font fontkit already opened (anything with `layout`), though its types
    // only name files and bytes: each document then reuses the parsed tables of the 19 MB
    // CJK collection instead of parsing them again.
    chain.faces.forEach((face, index) =>
      doc.registerFont(faceName(index), face.font as unknown as PDFKit.Mixins.PDFFontSource),
    );
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  block(value: string, size: number, color: string, width: number, gap: number): Block {
    const measure = (face: number, run: string, at: number) =>
      this.doc.font(faceName(face)).fontSize(at).widthOfString(run);
    return {
      lines: layoutText(this.chain, value, size, width, measure),
      size,
      lineHeight: size * LEADING + gap,
      color,
    };
  }

  /** A new page unless `height` points still fit on this one (or this one is still empty). */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGIN.top) {
      this.doc.addPage();
      this.y = MARGIN.top;
    }
  }

  /** A block at a given place, as it is (the caller made room for it). */
  draw(block: Block, x: number, y: number): void {
    block.lines.forEach((line, index) =>
      this.drawLine(line, block, x, y + index * block.lineHeight),
    );
  }

  /**
   * A block from the current position, across pages where it must, leaving neither its first
   * nor its last line alone on a page.
   */
  flow(block: Block, x: number): void {
    const { lines, lineHeight } = block;
    this.ensure(lineHeight * Math.min(2, lines.length));
    let index = 0;
    while (index < lines.length) {
      const atTop = this.y === MARGIN.top;
      const room = Math.floor((this.bottom - this.y) / lineHeight);
      let take = Math.min(Math.max(room, atTop ? 1 : 0), lines.length - index);
      // One line carried over alone: carry two instead.
      if (take > 2 && lines.length - index - take === 1) take -= 1;
      for (let line = 0; line < take; line += 1) {
        this.drawLine(lines[index + line]!, block, x, this.y);
        this.y += lineHeight;
      }
      index += take;
      if (index < lines.length) {
        this.doc.addPage();
        this.y = MARGIN.top;
      }
    }
  }

  drawLine(line: Line, block: Block, x: number, y: number): void {
    const baseline = y + block.size * ASCENT;
    this.doc.fillColor(block.color);
    for (const piece of line.pieces) {
      this.doc
        .font(faceName(piece.face))
        .fontSize(block.size)
        .text(piece.text, x + piece.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
  }
}

const faceName = (index: number) => `face${index}`;
