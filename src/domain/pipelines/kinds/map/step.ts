import {
  EVALUATE_LATER,
  type TCompiledExpression,
  type TStep,
  type TStepContext,
  type TStepEmit,
  type TStepRecord,
} from "../../step-types";
import { deadLetter, describeValue, out, withValue } from "../step-values";
import type { TMapConfig } from "./config";

/** Replaces the value with the expression's result; a key expression, when given, makes the new key. */
export function createMapStep(context: TStepContext<TMapConfig>): TStep {
  const expression = context.host.compile(context.config.expression);
  const keyExpression =
    context.config.keyExpression.trim() === "" ? null : context.host.compile(context.config.keyExpression);

  const emit = (record: TStepRecord, value: unknown, key: unknown): TStepEmit[] => {
    if (value === undefined) return [deadLetter(record, "The expression gave no value for this record.")];
    if (!keyExpression) return [out(withValue(record, value))];
    const keyText = keyAsText(key);
    if (keyText === null) {
      return [
        deadLetter(record, `The key expression gave ${key === undefined ? "nothing" : describeValue(key)}, not a key.`),
      ];
    }
    return [out(withValue(record, value, keyText))];
  };

  const later = async (record: TStepRecord) => {
    const value = await expression.evaluate(record.value);
    const key = keyExpression ? await keyExpression.evaluate(record.value) : undefined;
    return emit(record, value, key);
  };

  return {
    // Synchronous when the host's fast path answers both expressions; jsonata's async evaluation otherwise.
    process(record) {
      const value = now(expression, record.value);
      const key = keyExpression ? now(keyExpression, record.value) : undefined;
      return value === EVALUATE_LATER || key === EVALUATE_LATER ? later(record) : emit(record, value, key);
    },
  };
}

function now(expression: TCompiledExpression, input: unknown): unknown {
  return expression.evaluateNow ? expression.evaluateNow(input) : EVALUATE_LATER;
}

/** Text, numbers and booleans become the key as text; anything else is not a key. */
function keyAsText(key: unknown): string | null {
  if (typeof key === "string") return key;
  if (typeof key === "number" || typeof key === "boolean") return String(key);
  return null;
}
