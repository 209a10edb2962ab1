import type { TCompiledJsonata } from "./compile";
import { FALLBACK, type TFastInput } from "./fast-path";
import { jsonataBoolean } from "./record-values.mjs";

/** An evaluation that broke its time or depth budget, or failed in jsonata; `message` is a sentence. */
export class JsonataEvaluationError extends Error {
  readonly isBudget: boolean;
  constructor(message: string, isBudget: boolean) {
    super(message);
    this.name = "JsonataEvaluationError";
    this.isBudget = isBudget;
  }
}

type TJsonataError = { code?: string; message?: string; position?: number };

/** Evaluates under the expression's budget; the result is jsonata's (undefined when nothing matched). */
export async function evaluateJsonata(compiled: TCompiledJsonata, input: unknown): Promise<unknown> {
  if (compiled.walksDescendants) assertDepth(input, compiled.budget.maxInputDepth);
  try {
    return await compiled.expression.evaluate(input);
  } catch (error) {
    throw explain(error, compiled);
  }
}

/**
 * Whether the input matches, as jsonata's $boolean would say of the result. The fast path answers
 * synchronously when it can; only the rest pays for jsonata's async evaluation.
 */
export function matchesJsonata(compiled: TCompiledJsonata, input: TJsonataInput): boolean | Promise<boolean> {
  if (compiled.fast) {
    const result = compiled.fast(input);
    if (result !== FALLBACK) return result;
  }
  return evaluateJsonata(compiled, input.toObject()).then(jsonataBoolean);
}

/** An input read field by field by the fast path, and whole (a plain object) by jsonata. */
export type TJsonataInput = TFastInput & { toObject(): Record<string, unknown> };

/** A plain object as an input. */
export function objectInput(object: Record<string, unknown>): TJsonataInput {
  return {
    field: (name) => (Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined),
    toObject: () => object,
  };
}

function explain(error: unknown, compiled: TCompiledJsonata): JsonataEvaluationError {
  if (error instanceof JsonataEvaluationError) return error;
  const { code, message } = (error ?? {}) as TJsonataError;
  if (code === "D1012") {
    return new JsonataEvaluationError(
      `The expression ran longer than its budget of ${compiled.budget.timeoutMs} ms on one message.`,
      true,
    );
  }
  if (code === "D1011" || (error instanceof RangeError && /call stack/i.test(error.message))) {
    return new JsonataEvaluationError(
      `The expression nested deeper than its budget of ${compiled.budget.maxEvaluationDepth} levels (a recursion that does not end?).`,
      true,
    );
  }
  if (code === "D2015") {
    return new JsonataEvaluationError("The expression built a sequence longer than 1,000,000 items.", true);
  }
  const text = typeof message === "string" && message !== "" ? message : "it could not be evaluated";
  return new JsonataEvaluationError(`The expression failed: ${text.replace(/\.$/, "")}.`, false);
}

/** Iterative, so that hostile input 100,000 levels deep cannot overflow the stack while being measured. */
function assertDepth(input: unknown, maxDepth: number): void {
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth >= maxDepth) {
      throw new JsonataEvaluationError(
        `The message nests deeper than the budget of ${maxDepth} levels for expressions that use ** or *.`,
        true,
      );
    }
    for (const child of Object.values(value as object)) stack.push([child, depth + 1]);
  }
}
