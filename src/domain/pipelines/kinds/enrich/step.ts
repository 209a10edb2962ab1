import { StepConfigError, type TStep, type TStepContext, type TStepEmit, type TStepRecord } from "../../step-types";
import { deadLetter, isPlainObject, malformedSentence, out, pathSegments, withValue, writePath } from "../step-values";
import type { TEnrichConfig } from "./config";

const NOTHING: TStepEmit[] = [];

/** A stream-table join: the table's latest value for the record's key goes under `as`. */
export function createEnrichStep(context: TStepContext<TEnrichConfig>): TStep {
  const { config, host, tableTopic } = context;
  if (tableTopic === null) {
    throw new StepConfigError("Connect a compacted topic to the table port: enrich joins with its latest values.");
  }
  const segments = pathSegments(config.as);
  // The sentence is made only for a dead letter: most runs keep or drop many records.
  const whenMissing = (record: TStepRecord, why: () => string): TStepEmit[] => {
    if (config.missing === "keep") return [out(record)];
    if (config.missing === "drop") return NOTHING;
    return [deadLetter(record, why())];
  };

  return {
    process(record) {
      if (!isPlainObject(record.value)) {
        return [deadLetter(record, malformedSentence(`the table's value cannot be put under ${config.as}`))];
      }
      if (record.key === null) return whenMissing(record, () => `The record has no key to look up in ${tableTopic}.`);
      // Asked per record: the runtime's host keeps the table current while the step runs.
      const row = host.table(tableTopic).get(record.key);
      if (row === undefined || row === null) {
        return whenMissing(record, () => `${tableTopic} has no value for the key ${JSON.stringify(record.key)}.`);
      }
      return [out(withValue(record, writePath(record.value, segments, row)))];
    },
  };
}
