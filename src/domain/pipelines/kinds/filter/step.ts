import type { TStep, TStepContext, TStepEmit, TStepRecord } from "../../step-types";
import { out } from "../step-values";
import type { TFilterConfig } from "./config";

const NOTHING: TStepEmit[] = [];

/** Keeps a record when the predicate holds on its value; the predicate's fast path answers synchronously. */
export function createFilterStep(context: TStepContext<TFilterConfig>): TStep {
  const predicate = context.host.compile(context.config.predicate);
  const decide = (record: TStepRecord, matched: boolean): TStepEmit[] => (matched ? [out(record)] : NOTHING);
  return {
    process(record) {
      const matched = predicate.matches(record.value);
      if (typeof matched === "boolean") return decide(record, matched);
      return matched.then((result) => decide(record, result));
    },
  };
}
