/**
 * The steps' JSONata: `compileJsonata` with its budgets and regex engine, predicates and simple
 * transforms through synchronous fast paths when they apply. Plain TypeScript: the dry run's worker process gives it RE2.
 */
import {
  compileJsonata,
  DEFAULT_JSONATA_BUDGET,
  type TJsonataBudget,
  type TRegexEngine,
} from "~/domain/jsonata/compile";
import { evaluateJsonata, matchesJsonata, type TJsonataInput } from "~/domain/jsonata/evaluate";
import { jsonataBoolean } from "~/domain/jsonata/record-values.mjs";
import { EVALUATE_LATER, StepConfigError, type TCompiledExpression } from "../step-types";
import { compileFastTransform, TRANSFORM_FALLBACK } from "./fast-transform";

export function jsonataCompiler(
  regexEngine: TRegexEngine | null,
  budget: TJsonataBudget = DEFAULT_JSONATA_BUDGET,
): (source: string) => TCompiledExpression {
  return (source) => {
    const result = compileJsonata(source, budget, regexEngine);
    if (!result.ok) throw new StepConfigError(result.sentence);
    const compiled = result.compiled;
    const fastTransform = compileFastTransform(compiled.expression.ast());
    // One reusable view of the current value: the fast path reads it synchronously, and the slow
    // path takes the whole object before matchesJsonata returns, so no record outlives its call.
    let current: Record<string, unknown> = {};
    const input: TJsonataInput = {
      field: (name) => (Object.prototype.hasOwnProperty.call(current, name) ? current[name] : undefined),
      toObject: () => current,
    };
    return {
      evaluate(value) {
        if (fastTransform) {
          const result = fastTransform(value);
          if (result !== TRANSFORM_FALLBACK) return Promise.resolve(result);
        }
        return evaluateJsonata(compiled, value);
      },
      evaluateNow(value) {
        const result = fastTransform ? fastTransform(value) : TRANSFORM_FALLBACK;
        return result === TRANSFORM_FALLBACK ? EVALUATE_LATER : result;
      },
      matches(value) {
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
          return evaluateJsonata(compiled, value).then(jsonataBoolean);
        }
        current = value as Record<string, unknown>;
        return matchesJsonata(compiled, input);
      },
    };
  };
}
