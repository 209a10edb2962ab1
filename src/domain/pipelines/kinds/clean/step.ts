import type { TStep, TStepContext, TStepEmit, TStepRecord } from "../../step-types";
import {
  deadLetter,
  deletePath,
  describeValue,
  isPlainObject,
  malformedSentence,
  missingFieldSentence,
  out,
  pathSegments,
  readPath,
  withValue,
  writePath,
  type TPlainObject,
} from "../step-values";
import { coerce } from "./coerce";
import type { TCleanConfig } from "./config";

const NOTHING: TStepEmit[] = [];

/** In the config's order: malformed, drop fields, drop nulls, coerce, dedupe by key, schema. */
export function createCleanStep(context: TStepContext<TCleanConfig>): TStep {
  const { config, host, inputTopic } = context;
  // Top-level fields are dropped in the same pass as nulls (one copy of the value); nested ones after.
  const topLevelDrops = new Set(config.dropFields.filter((path) => !path.includes(".")));
  const nestedDrops = config.dropFields.filter((path) => path.includes(".")).map(pathSegments);
  const coercions = config.coerce.map((rule) => ({ ...rule, segments: pathSegments(rule.field) }));
  const dedupeMs = config.dedupeWindowMs;

  return {
    process(record: TStepRecord): TStepEmit[] {
      if (!isPlainObject(record.value)) {
        return config.dropMalformed ? [deadLetter(record, malformedSentence("it cannot be cleaned"))] : [out(record)];
      }
      let value: TPlainObject = record.value;
      if (topLevelDrops.size > 0 || config.dropNulls) value = copyWithout(value, topLevelDrops, config.dropNulls);
      for (const segments of nestedDrops) value = deletePath(value, segments);
      for (const rule of coercions) {
        const field = readPath(value, rule.segments);
        if (field === undefined) return [deadLetter(record, missingFieldSentence(rule.field))];
        const coerced = coerce(field, rule.to);
        if (!coerced.ok) {
          return [
            deadLetter(
              record,
              `The field ${rule.field} could not be made a ${rule.to} (it is ${describeValue(field)}).`,
            ),
          ];
        }
        if (coerced.value !== field) value = writePath(value, rule.segments, coerced.value);
      }
      if (dedupeMs !== null && record.key !== null) {
        const lastKept = host.state.get<number>(record.key);
        // Seen within the window on either side: records of one key may arrive slightly out of order.
        if (lastKept !== undefined && Math.abs(record.timestamp - lastKept) < dedupeMs) return NOTHING;
        host.state.put(record.key, Math.max(record.timestamp, lastKept ?? record.timestamp));
      }
      if (config.validateAgainstSchema) {
        const misfit = host.validate(inputTopic, value);
        if (misfit !== null) return [deadLetter(record, misfit)];
      }
      return [out(value === record.value ? record : withValue(record, value))];
    },
  };
}

/**
 * A copy without the named fields and, when asked, without null fields at every depth of nested
 * objects (lists are left as they are); the object itself when nothing goes.
 */
function copyWithout(object: TPlainObject, names: ReadonlySet<string>, dropNulls: boolean): TPlainObject {
  let changed = false;
  const copy: TPlainObject = {};
  for (const name in object) {
    if (!Object.prototype.hasOwnProperty.call(object, name)) continue;
    const field = object[name];
    if (names.has(name) || (dropNulls && field === null)) {
      changed = true;
      continue;
    }
    const cleaned = dropNulls && isPlainObject(field) ? copyWithout(field, NO_NAMES, true) : field;
    if (cleaned !== field) changed = true;
    copy[name] = cleaned;
  }
  return changed ? copy : object;
}

const NO_NAMES: ReadonlySet<string> = new Set();
