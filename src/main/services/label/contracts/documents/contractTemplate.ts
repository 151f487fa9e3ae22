import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CONTRACT_TYPES } from '../../../../../shared/domain/vocabulary';

const text = z.string().min(1);

/** resources/templates/contract.json: the wording of a generated contract document. */
export const contractTemplate = z.object({
  titles: z.record(z.enum(CONTRACT_TYPES), text),
  defaultOrganization: text,
  intro: text,
  sections: z.object({ parties: text, details: text, terms: text, signatures: text }),
  fields: z.object({
    label: text,
    artist: text,
    contractType: text,
    status: text,
    effectiveDate: text,
    signedAt: text,
    optionDate: text,
    noticeDate: text,
    expiryDate: text,
    legalOwner: text,
    reference: text,
  }),
  notSet: text,
  noTerms: text,
  signatureFor: text,
  signatureName: text,
  signatureDate: text,
  footer: text,
  generated: text,
});
export type ContractTemplate = z.infer<typeof contractTemplate>;

/** Read once at start: a template that does not match fails loudly, naming the file. */
export function loadContractTemplate(resourcesDir: string): ContractTemplate {
  const file = join(resourcesDir, 'templates', 'contract.json');
  const parsed = contractTemplate.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`The contract template ${file} is not valid: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** `{name}` placeholders filled from `values`; unknown names stay as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
