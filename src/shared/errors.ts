import { legacyFieldIssue, type FieldCodes } from './fieldIssue';

/**
 * The only error shape that crosses the bridge. Electron's ipc `invoke` keeps nothing but a
 * thrown error's message, so replies travel as an Envelope and the client rebuilds AppError.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  readonly code: ErrorCode;
  /** For people reading logs and API replies, in English; the renderer words the codes. */
  readonly message: string;
  /** Field name -> what is wrong with it, in English (kept for callers that read text). */
  readonly fields?: FieldErrors;
  /** Field name -> what is wrong with it as a code and parameters, for the renderer to word. */
  readonly fieldCodes?: FieldCodes;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  readonly fieldCodes: FieldCodes | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors, fieldCodes?: FieldCodes) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    // Every field problem carries a code; one given only as text gets the code its text names.
    this.fieldCodes = fields
      ? Object.fromEntries(
          Object.entries(fields).map(([field, text]) => [
            field,
            fieldCodes?.[field] ?? legacyFieldIssue(text),
          ]),
        )
      : fieldCodes;
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.fieldCodes ? { fieldCodes: this.fieldCodes } : {}),
    };
  }

  static fromBody(body: ErrorBody): AppError {
    return new AppError(body.code, body.message, body.fields, body.fieldCodes);
  }
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).message === 'string' &&
    ERROR_CODES.includes((value as ErrorBody).code)
  );
}
