import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Input } from '../../../../../shared/api';
import type { Contract } from '../../../../../shared/domain/contract';
import type { Job } from '../../../../../shared/domain/job';
import { toCsv } from '../../../workspace/files/csv';
import type { Jobs } from '../../../kernel/jobs';
import type { MediaStore } from '../../../workspace/files/media';
import { saveExport } from '../../../workspace/files/savedExport';
import type { Session } from '../../../kernel/session';
import type { Store } from '../../../kernel/store';
import { writeZip, type ZipEntry } from '../../../workspace/files/zipFile';
import { renderContractPdf } from './contractPdf';
import { createContractNamer } from './fileName';
import type { ContractDocuments } from '../contracts';

type ListContracts = (
  session: Session,
  input: Input<'contracts.list'>,
) => { items: Contract[]; nextCursor: string | null };

const PAGE = 100;

/**
 * contracts.exportBundle: the filtered contract list as one zip (each contract's generated PDF,
 * its attached document when there is one, and manifest.csv), made in a job with progress
 * and cancel. Bulk printouts change no contract.
 */
export function createContractBundle(options: {
  store: Store;
  media: MediaStore;
  jobs: Jobs;
  documents: ContractDocuments;
  list: ListContracts;
  workDir: string;
}) {
  const { store, media, jobs, documents } = options;

  return {
    exportBundle(
      session: Session,
      filters: Omit<Input<'contracts.list'>, 'limit' | 'cursor'>,
    ): Job {
      return jobs.start(session, 'contracts.exportBundle', async (control) => {
        const contracts: Contract[] = [];
        let cursor: string | null = null;
        do {
          const page = options.list(session, {
            ...filters,
            limit: PAGE,
            ...(cursor ? { cursor } : {}),
          });
          contracts.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);

        const at = new Date(store.now());
        const dir = join(
          options.workDir,
          `bundle-${at.getTime()}-${Math.random().toString(36).slice(2)}`,
        );
        mkdirSync(dir, { recursive: true });
        try {
          const entries: ZipEntry[] = [];
          const manifest: (string | null)[][] = [];
          const organization = documents.organization();
          // One artist may have two contracts of a type: the second is numbered.
          const nameOf = createContractNamer();
          for (const [index, contract] of contracts.entries()) {
            control.step(index, contracts.length);
            const base = nameOf(
              contract.expanded.artist.artistName,
              documents.template.titles[contract.contractType],
            );
            const pdf = await renderContractPdf(
              { contract, organization, generatedAt: at },
              documents.template,
              documents.fonts,
            );
            const pdfPath = join(dir, `${index}.pdf`);
            writeFileSync(pdfPath, pdf);
            entries.push({ name: `contracts/${base}.pdf`, file: pdfPath, compress: false });
            let attached: string | null = null;
            const stored = contract.documentUrl ? media.inspect(contract.documentUrl) : null;
            if (stored?.present) {
              attached = `documents/${base} (document).pdf`;
              entries.push({ name: attached, file: media.locate(stored.id).path, compress: false });
            }
            manifest.push([
              contract.id,
              contract.expanded.artist.artistName,
              contract.contractType,
              contract.status,
              contract.effectiveDate,
              contract.signedAt,
              contract.expiryDate,
              contract.expanded.legalOwner.username,
              `contracts/${base}.pdf`,
              attached,
            ]);
          }
          control.step(contracts.length, contracts.length);
          entries.unshift({
            name: 'manifest.csv',
            bytes: Buffer.from(
              toCsv(
                [
                  'id',
                  'artistName',
                  'contractType',
                  'status',
                  'effectiveDate',
                  'signedAt',
                  'expiryDate',
                  'legalOwner',
                  'pdf',
                  'document',
                ],
                manifest,
              ),
            ),
          });
          const zipPath = join(dir, 'bundle.zip');
          await writeZip(zipPath, entries);
          if (control.cancelled) control.step(contracts.length, contracts.length);
          const ingested = await media.ingest(zipPath);
          const fileName = `greenroom-contracts-${at.toISOString().slice(0, 10)}.zip`;
          return saveExport(store, media, session, ingested, {
            fileName,
            contentType: 'application/zip',
            audit: {
              action: 'contracts.exportBundle',
              entity: 'contracts',
              entityId: null,
              changes: { contracts: contracts.length, filters },
            },
          });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    },
  };
}
