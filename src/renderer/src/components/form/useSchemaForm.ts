import { useRef, useState } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { fieldErrorsOf, type FieldIssue } from '../../../../shared/fieldIssue';
import { errorText, issueText } from './useIssueText';

export interface SchemaFormOptions<V extends FieldValues, I> {
  /** The contract's own schema for the call (create input, or update patch): what main checks. */
  readonly schema: z.ZodType<I>;
  readonly defaultValues: V;
  /** The form's values (text, luxon DateTimes, picked options) as the call's input. */
  readonly toInput: (values: V) => unknown;
  /** Where an input field shows when the form names it differently (talentProfile -> talent). */
  readonly fieldOf?: Readonly<Record<string, Path<V>>>;
  /** The labels of the fields, for a problem no field on screen can show (named in the alert). */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface SchemaForm<V extends FieldValues, I> {
  readonly form: UseFormReturn<V, unknown, I>;
  /** A failed call's sentence, in the reader's language; null when every problem is at its field. */
  readonly alert: string | null;
  /** The submit handler: checks the form with the schema, then runs `write` with the input. */
  submit(write: (input: I) => Promise<void>): (event?: React.BaseSyntheticEvent) => Promise<void>;
  /** Places a failed call's field problems at their fields and words the rest for the alert. */
  report(error: unknown): void;
  /** Runs an action that is not the form's submit (archive, cancel), reporting its failure. */
  run(action: () => Promise<void>): Promise<void>;
}

/**
 * One form kit for every create and edit dialog: react-hook-form holds the fields; the contract's
 * zod schema checks them (so the form refuses exactly what main would, before sending); every
 * problem, the form's or main's, arrives as a code with parameters (shared/fieldIssue.ts) and is
 * worded in the reader's language at its field. After a submit each field is checked again as it
 * changes, so its message goes as soon as it is right (and `deps` re-check pairs such as start and
 * end).
 */
export function useSchemaForm<V extends FieldValues, I>(
  options: SchemaFormOptions<V, I>,
): SchemaForm<V, I> {
  const { t, i18n } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  // The resolver is made once; it reads the latest options and language through the ref.
  const latest = useRef({ options, t, language: i18n.language });
  latest.current = { options, t, language: i18n.language };

  const fieldNameOf = (path: string): Path<V> | null => {
    const { fieldOf, defaultValues } = latest.current.options;
    const name = path.replace(/^patch\./, '');
    const mapped = fieldOf?.[name] ?? name;
    return mapped in defaultValues ? (mapped as Path<V>) : null;
  };

  const resolver = useRef<Resolver<V, unknown, I>>(async (values) => {
    const { options: current, t: tr, language } = latest.current;
    const input = current.toInput(values);
    const parsed = current.schema.safeParse(input);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const { fieldCodes } = fieldErrorsOf(parsed.error, input);
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [path, issue] of Object.entries(fieldCodes)) {
      const name = fieldNameOf(path) ?? 'root';
      errors[name] ??= { type: issue.code, message: issueText(tr, language, issue) };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  }).current;

  const form = useForm<V, unknown, I>({
    resolver,
    defaultValues: options.defaultValues as DefaultValues<V>,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });

  const report = (error: unknown) => {
    const { t: tr, language, options: current } = latest.current;
    const unplaced: [string | null, FieldIssue][] = [];
    let placed = 0;
    const codes = error instanceof AppError ? Object.entries(error.fieldCodes ?? {}) : [];
    // Only a refused input names fields to fix; other errors' fields are details (a wait, a
    // version) that the sentence says.
    const fieldProblems = error instanceof AppError && error.code === 'VALIDATION';
    for (const [path, issue] of fieldProblems ? codes : []) {
      const name = fieldNameOf(path);
      if (name) {
        form.setError(name, { type: 'server', message: issueText(tr, language, issue) });
        placed += 1;
      } else unplaced.push([current.labels?.[path.replace(/^patch\./, '')] ?? null, issue]);
    }
    const allPlaced = fieldProblems && codes.length > 0 && unplaced.length === 0;
    setAlert(allPlaced ? null : errorText(tr, language, error, unplaced, placed > 0));
  };

  return {
    form,
    alert: alert ?? (form.formState.errors.root?.message || null),
    report,
    submit: (write) =>
      form.handleSubmit(async (input) => {
        setAlert(null);
        try {
          await write(input);
        } catch (error) {
          report(error);
        }
      }),
    async run(action) {
      setAlert(null);
      try {
        await action();
      } catch (error) {
        report(error);
      }
    },
  };
}
