import "server-only";
import type { TJsonataBudget } from "~/domain/jsonata/compile";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import type { TBatchFailure } from "../../expressions/jsonata-pool";
import type { TStopReason } from "./search-sentence";

/** Why a search stopped on a record: jsonata's own error keeps the "filter failed" wording. */
export function stopReasonOf(
  failure: TBatchFailure,
  record: Pick<TFetchedRecord, "offset" | "partition">,
  budget: TJsonataBudget,
): TStopReason {
  if (failure.kind === "jsonata" && !BUDGET_CODES.has(failure.code ?? "")) {
    const text = failure.message !== "" ? failure.message.replace(/\.$/, "") : "it could not be evaluated";
    return {
      type: "failed",
      partition: record.partition,
      offset: record.offset,
      message: `The expression failed: ${text}.`,
    };
  }
  return { type: "stopped", sentence: describeBatchFailure(failure, record, budget) };
}

/** jsonata's codes for a broken budget: time (D1012), depth (D1011), sequence length (D2015). */
const BUDGET_CODES = new Set(["D1012", "D1011", "D2015"]);

/**
 * The sentence for a record the filter could not judge. Running past the time budget reads the
 * same whether jsonata noticed it between steps (D1012) or the pool stopped the worker mid-step.
 */
export function describeBatchFailure(
  failure: TBatchFailure,
  record: Pick<TFetchedRecord, "offset" | "partition">,
  budget: TJsonataBudget,
): string {
  const where = `on offset ${record.offset} of partition ${record.partition}`;
  switch (failure.kind) {
    case "deadline":
      return `The filter took longer than its budget of ${failure.budgetMs} ms ${where} and was stopped.`;
    case "memory":
      return `The filter needed more than its memory budget of ${failure.limitMb} MiB ${where} and was stopped (JSONATA_WORKER_MEMORY_MB).`;
    case "depth":
      return `The message at offset ${record.offset} of partition ${record.partition} nests deeper than the budget of ${budget.maxInputDepth} levels for expressions that use ** or *.`;
    case "jsonata":
      return jsonataSentence(failure, where, budget);
  }
}

function jsonataSentence(
  failure: { code: string | null; message: string },
  where: string,
  budget: TJsonataBudget,
): string {
  if (failure.code === "D1012") {
    return `The filter took longer than its budget of ${budget.timeoutMs} ms ${where} and was stopped.`;
  }
  if (failure.code === "D1011") {
    return `The filter nested deeper than its budget of ${budget.maxEvaluationDepth} levels ${where} (a recursion that does not end?) and was stopped.`;
  }
  if (failure.code === "D2015")
    return `The filter built a sequence longer than 1,000,000 items ${where} and was stopped.`;
  const text = failure.message !== "" ? failure.message.replace(/\.$/, "") : "it could not be evaluated";
  return `The filter failed ${where}: ${text}.`;
}
