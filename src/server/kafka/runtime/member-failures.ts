import "server-only";
import { AppError } from "~/lib/app-error";
import type { ClusterTarget } from "../client-registry";
import { kafkaErrorType, toKafkaAppError } from "../kafka-errors";

/** The sentences a failed member leaves for the runner (and so for the step's status on the graph). */

/** What the member was doing, e.g. "Writing the results of partition 2 of orders.raw". */
export function kafkaFailureSentence(error: unknown, cluster: ClusterTarget, doing: string): string {
  const appError = toKafkaAppError(error, cluster.bootstrapServers);
  return joinSentences(`${doing} failed.`, appError.message, appError.hint);
}

/** A throw of the step itself (records it cannot handle are dead-lettered instead, so this is rare). */
export function processorFailureSentence(error: unknown, inputTopic: string, partition: number): string {
  const reason = error instanceof Error ? error.message : String(error);
  const hint = error instanceof AppError ? error.hint : undefined;
  return joinSentences(`The step failed on partition ${partition} of ${inputTopic}.`, reason, hint);
}

/**
 * Group errors that only mean "a rebalance is under way": a commit refused for them is not a
 * failure. kafkajs rejoins on its next heartbeat; the records were written, so at worst they are
 * read again (at-least-once), and exactly-once never commits offsets outside its transactions.
 */
const REBALANCE_ERRORS = new Set([
  "REBALANCE_IN_PROGRESS",
  "ILLEGAL_GENERATION",
  "UNKNOWN_MEMBER_ID",
  "NOT_COORDINATOR_FOR_GROUP",
]);

export function isRebalanceError(error: unknown): boolean {
  const type = kafkaErrorType(error);
  return type !== null && REBALANCE_ERRORS.has(type);
}

function joinSentences(...parts: (string | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => (/[.!?]$/.test(part.trim()) ? part.trim() : `${part.trim()}.`))
    .join(" ");
}
