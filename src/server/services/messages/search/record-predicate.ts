import "server-only";
import { compileJsonata } from "~/domain/jsonata/compile";
import { matchesJsonata } from "~/domain/jsonata/evaluate";
import type { TSearchKind } from "~/domain/messages/search-query";
import { AppError } from "~/lib/app-error";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { toJsonataInput } from "./jsonata-input";
import { createTextMatcher } from "./text-matcher";

const BACKSLASH = 0x5c;

/** Synchronous when it can be (text, JSONata's fast path); a promise only when jsonata must run. */
export type TRecordPredicate = (record: TFetchedRecord) => boolean | Promise<boolean>;

/** The filter of a search; a JSONata syntax error is refused before anything is read. */
export function createRecordPredicate(kind: TSearchKind, query: string): TRecordPredicate {
  if (kind === "text") return createTextMatcher(query);
  const result = compileJsonata(query);
  if (!result.ok) {
    throw new AppError(
      "BAD_INPUT",
      result.sentence,
      "Fix the expression; the JSONata reference is at docs.jsonata.org.",
    );
  }
  const { compiled } = result;
  const required = compiled.required.map(({ field, text }) => ({ field, bytes: Buffer.from(text, "utf8") }));
  return (record) => {
    // Bytes without a required text cannot match (JSON escapes aside: a backslash means "maybe").
    for (const { field, bytes } of required) {
      const payload = record[field];
      if (payload === null) return false;
      if (!payload.includes(bytes) && !payload.includes(BACKSLASH)) return false;
    }
    return matchesJsonata(compiled, toJsonataInput(record));
  };
}
