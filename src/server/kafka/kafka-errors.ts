import "server-only";
import { AppError } from "~/lib/app-error";
import { connectionFailureOf } from "./connection/connection-failure";
import { addressRefusalSentence } from "./connection/policed-socket-core.mjs";
import { errorSentenceByCode, errorSentenceByName } from "./error-sentences/by-code";

/**
 * The one place that turns kafkajs errors into sentences. kafkajs is CommonJS without named ESM
 * exports for its error classes, so errors are recognised by their `name` (stable in 2.2.4) and,
 * for broker-side rejections, by the Kafka error `type` they carry: every code of the protocol has a
 * sentence and a hint in error-sentences/.
 */

type KafkaJsErrorShape = Error & {
  type?: string;
  /** Kafka's error code, on errors made by kafkaProtocolError (kafkajs keeps it only in its table). */
  code?: number;
  retriable?: boolean;
  cause?: unknown;
  originalError?: unknown;
  /** KafkaJSAggregateError (createTopics): one KafkaJSCreateTopicError per refused topic. */
  errors?: unknown[];
};

const UNREACHABLE_NAMES = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSRequestTimeoutError",
  "KafkaJSBrokerNotFound",
  "KafkaJSNoBrokerAvailableError",
  "KafkaJSMetadataNotLoaded",
]);

/**
 * kafkajs names an error code it does not know (Kafka 2.8 and later added many) with this type and
 * keeps the code elsewhere; our own hand-encoded requests throw `kafkaProtocolError(code)` instead.
 */
const UNKNOWN_CODE_TYPE = "KAFKAJS_UNKNOWN_ERROR_CODE";

/**
 * An error shaped like kafkajs's KafkaJSProtocolError for a Kafka error code that one of our own
 * hand-encoded requests received, so that `toKafkaAppError` maps it like any other.
 */
export function kafkaProtocolError(code: number): Error {
  const type = errorSentenceByCode(code)?.name ?? `KAFKA_ERROR_CODE_${code}`;
  return Object.assign(new Error(type), { name: "KafkaJSProtocolError", type, code });
}

/** The Kafka error code behind a protocol error; kafkajs writes a code it does not know only into the message. */
function codeOf(cause: KafkaJsErrorShape): number | undefined {
  if (cause.type === UNKNOWN_CODE_TYPE) {
    const found = /Unknown error code (-?\d+)/.exec(cause.message);
    return found ? Number(found[1]) : undefined;
  }
  return typeof cause.code === "number" ? cause.code : undefined;
}

function rejectionOf(cause: KafkaJsErrorShape): { message: string; hint: string } {
  const code = codeOf(cause);
  const known =
    (cause.type ? errorSentenceByName(cause.type) : undefined) ??
    (code === undefined ? undefined : errorSentenceByCode(code));
  if (known) return known;
  return {
    message: `Kafka refused the request with an error this version of Tributary does not know${code === undefined ? "" : ` (error code ${code})`}.`,
    hint: "The broker's log says more; a newer Tributary may explain it.",
  };
}

function innerError(shape: KafkaJsErrorShape): unknown {
  if (shape.name === "KafkaJSNumberOfRetriesExceeded") return shape.cause ?? shape.originalError;
  // We create one topic per request, so the first refusal is the one to report.
  if (shape.name === "KafkaJSAggregateError") return shape.errors?.[0];
  return undefined;
}

function rootCause(error: unknown): KafkaJsErrorShape | null {
  let current: unknown = error;
  // NumberOfRetriesExceeded and AggregateError wrap the real error; unwrap a few levels at most.
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const shape = current as KafkaJsErrorShape;
    const inner = innerError(shape);
    if (!(inner instanceof Error)) return shape;
    current = inner;
  }
  return current instanceof Error ? (current as KafkaJsErrorShape) : null;
}

/** Kafka's error type (e.g. "TOPIC_ALREADY_EXISTS") behind a kafkajs error or our AppError of one, else null. */
export function kafkaErrorType(error: unknown): string | null {
  // withAdmin and friends keep the kafkajs error they mapped as the AppError's cause.
  return rootCause(error instanceof AppError ? error.cause : error)?.type ?? null;
}

/** The kafkajs class name behind an error (e.g. "KafkaJSGroupCoordinatorNotFound"), for errors without a Kafka type. */
export function kafkaErrorName(error: unknown): string | null {
  return rootCause(error instanceof AppError ? error.cause : error)?.name ?? null;
}

export function isKafkaUnreachable(error: unknown): boolean {
  const cause = rootCause(error);
  if (!cause) return false;
  return UNREACHABLE_NAMES.has(cause.name) || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(cause.message);
}

/** Maps any error met while talking to a cluster at `bootstrapServers` to an AppError. */
export function toKafkaAppError(error: unknown, bootstrapServers: string): AppError {
  if (error instanceof AppError) return error;
  const refusal = addressRefusalSentence(error);
  if (refusal) {
    return new AppError(
      "FORBIDDEN",
      refusal,
      "Admins set the address policy on the Network page; link-local and cloud metadata addresses are always refused.",
      { cause: error },
    );
  }
  // A failed TLS handshake or SASL login says why; the connection is rebuilt like an unreachable one.
  const failure = connectionFailureOf(error, bootstrapServers);
  if (failure?.kind === "tls" || failure?.kind === "sasl") {
    return new AppError("KAFKA_UNREACHABLE", failure.message, failure.hint, { cause: error });
  }
  if (isKafkaUnreachable(error)) {
    return new AppError(
      "KAFKA_UNREACHABLE",
      `Kafka is unreachable at ${bootstrapServers}.`,
      "Check that the brokers are running and reachable from the Tributary server.",
      { cause: error },
    );
  }
  const cause = rootCause(error);
  if (cause?.type) {
    const rejection = rejectionOf(cause);
    return new AppError("KAFKA_REJECTED", rejection.message, rejection.hint, { cause: error });
  }
  return new AppError(
    "INTERNAL",
    "Talking to Kafka failed unexpectedly.",
    "Try again; if it persists, check the server log.",
    {
      cause: error,
    },
  );
}
