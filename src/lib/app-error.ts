/**
 * The one error type services throw. `message` is the sentence a user reads; `hint` says what to
 * do about it. The tRPC error formatter carries both to the client unchanged, so neither may
 * contain secrets or stack traces.
 */
export const APP_ERROR_CODES = [
  "BAD_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "KAFKA_UNREACHABLE",
  "KAFKA_REJECTED",
  "DATABASE_UNREACHABLE",
  "TIMEOUT",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly hint: string | undefined;

  constructor(code: AppErrorCode, message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.hint = hint;
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && (APP_ERROR_CODES as readonly string[]).includes(value);
}
