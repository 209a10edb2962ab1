import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import { AppError, type AppErrorCode } from "~/lib/app-error";

/** How each AppError code travels over tRPC (and so which HTTP status it gets). */
const TRPC_CODES: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_INPUT: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  KAFKA_UNREACHABLE: "SERVICE_UNAVAILABLE",
  KAFKA_REJECTED: "UNPROCESSABLE_CONTENT",
  DATABASE_UNREACHABLE: "SERVICE_UNAVAILABLE",
  TIMEOUT: "TIMEOUT",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODES[error.code], message: error.message, cause: error });
}

/** What the client receives in `error.data`, besides tRPC's own fields. */
export type TErrorData = {
  appCode: AppErrorCode | null;
  hint: string | null;
  fieldErrors: Record<string, string[]> | null;
};

type Shape = { message: string; data: Record<string, unknown> };

/**
 * The one error formatter: AppErrors pass their sentence and hint; bad input lists the fields;
 * anything else becomes a generic sentence so that no stack trace or internal detail leaks.
 */
export function formatError<TShape extends Shape>({ shape, error }: { shape: TShape; error: TRPCError }) {
  const appError = error.cause instanceof AppError ? error.cause : null;
  const zodError = error.cause instanceof z.ZodError ? error.cause : null;
  let message = shape.message;
  if (appError) message = appError.message;
  else if (zodError) message = "Some fields are not valid.";
  else if (error.code === "INTERNAL_SERVER_ERROR") message = "Something went wrong on the Tributary server.";
  const data: TErrorData = {
    appCode: appError?.code ?? (zodError ? "BAD_INPUT" : null),
    hint:
      appError?.hint ??
      (error.code === "INTERNAL_SERVER_ERROR" ? "Try again; if it persists, check the server log." : null),
    fieldErrors: zodError ? (z.flattenError(zodError).fieldErrors as Record<string, string[]>) : null,
  };
  const { stack: _stack, ...rest } = shape.data;
  return { ...shape, message, data: { ...rest, ...data } };
}
