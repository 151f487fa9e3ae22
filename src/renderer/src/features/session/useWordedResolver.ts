import { useRef } from 'react';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrorsOf } from '../../../../shared/fieldIssue';
import { issueText } from '../../components/form';

/**
 * A react-hook-form resolver for a zod schema whose problems are worded from their codes in the
 * reader's language, as the form kit's are: never zod's English sentence ("Too small: expected
 * string to have >=3 characters") on a Chinese screen.
 */
export function useWordedResolver<V extends FieldValues>(schema: z.ZodType<V>): Resolver<V> {
  const { t, i18n } = useTranslation();
  // Made once; reads the language of the moment through the ref.
  const latest = useRef({ t, language: i18n.language });
  latest.current = { t, language: i18n.language };
  return useRef<Resolver<V>>(async (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const { fieldCodes } = fieldErrorsOf(parsed.error, values);
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [path, issue] of Object.entries(fieldCodes)) {
      errors[path] ??= {
        type: issue.code,
        message: issueText(latest.current.t, latest.current.language, issue),
      };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  }).current;
}
