import "server-only";
import { compileJsonata } from "~/domain/jsonata/compile";
import { FALLBACK } from "~/domain/jsonata/fast-path";
import type { TSearchKind } from "~/domain/messages/search-query";
import { AppError } from "~/lib/app-error";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { jsonataPool, type TWorkerExpression } from "../../expressions/jsonata-pool";
import { RE2_ENGINE } from "../../expressions/re2-engine";
import { describeBatchFailure } from "./batch-failure";
import { toJsonataInput } from "./jsonata-input";
import { createTextMatcher } from "./text-matcher";

const BACKSLASH = 0x5c;

/**
 * The filter of a search, in two parts: `quick` answers on the main thread whenever it can (text
 * search, the required-text check, JSONata's fast path) and says null for a record that only
 * jsonata can judge; those go in batches to `worker` (the expression the worker pool evaluates).
 */
export type TRecordFilter = {
  quick(record: TFetchedRecord): boolean | null;
  worker: TWorkerExpression | null;
};

/** The filter of a search; a JSONata syntax error or a regex RE2 cannot run is refused before anything is read. */
export function createRecordFilter(kind: TSearchKind, query: string): TRecordFilter {
  if (kind === "text") return { quick: createTextMatcher(query), worker: null };
  const result = compileJsonata(query, undefined, RE2_ENGINE);
  if (!result.ok) {
    throw new AppError(
      "BAD_INPUT",
      result.sentence,
      "Fix the expression; the JSONata reference is at docs.jsonata.org.",
    );
  }
  const { compiled } = result;
  const required = compiled.required.map(({ field, text }) => ({ field, bytes: Buffer.from(text, "utf8") }));
  const { fast } = compiled;
  return {
    quick(record) {
      // Bytes without a required text cannot match (JSON escapes aside: a backslash means "maybe").
      for (const { field, bytes } of required) {
        const payload = record[field];
        if (payload === null) return false;
        if (!payload.includes(bytes) && !payload.includes(BACKSLASH)) return false;
      }
      if (!fast) return null;
      const answer = fast(toJsonataInput(record));
      return answer === FALLBACK ? null : answer;
    },
    worker: { source: compiled.source, budget: compiled.budget, walksDescendants: compiled.walksDescendants },
  };
}

/** One record at a time, through the same filter (for tests and single checks; scans batch). */
export function createRecordPredicate(
  kind: TSearchKind,
  query: string,
): (record: TFetchedRecord) => boolean | Promise<boolean> {
  const filter = createRecordFilter(kind, query);
  return (record) => {
    const answer = filter.quick(record);
    if (answer !== null || !filter.worker) return answer ?? false;
    return jsonataPool()
      .evaluate(filter.worker, [record], new AbortController().signal)
      .then((outcome) => {
        if (outcome.failure) throw new Error(describeBatchFailure(outcome.failure, record, filter.worker!.budget));
        return outcome.matches[0] === 1;
      });
  };
}
