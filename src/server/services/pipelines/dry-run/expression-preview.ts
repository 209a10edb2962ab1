import "server-only";
import { compileJsonata, DEFAULT_JSONATA_BUDGET } from "~/domain/jsonata/compile";
import { evaluateJsonata, JsonataEvaluationError } from "~/domain/jsonata/evaluate";
import { jsonataBoolean } from "~/domain/jsonata/record-values.mjs";
import { RE2_ENGINE } from "~/server/services/expressions/re2-engine";
import type { TExpressionPreview } from "./worker-protocol";

/** A preview longer than this is cut: the inspector shows a result, not a download. */
const MAX_RESULT_CHARS = 64 * 1024;

/**
 * A JSONata field's result on a sample value, in the worker, with the steps' own budget and RE2.
 * The sample is the value a step would see (JSON text; other text is the string itself).
 */
export async function previewExpression(
  expression: string,
  sample: string,
  result: "predicate" | "value",
): Promise<TExpressionPreview> {
  const compiled = compileJsonata(expression, DEFAULT_JSONATA_BUDGET, RE2_ENGINE);
  if (!compiled.ok) return { ok: false, sentence: compiled.sentence, position: compiled.position };
  let input: unknown;
  try {
    input = JSON.parse(sample);
  } catch {
    input = sample;
  }
  let value: unknown;
  try {
    value = await evaluateJsonata(compiled.compiled, input);
  } catch (error) {
    if (error instanceof JsonataEvaluationError) return { ok: false, sentence: error.message, position: null };
    throw error;
  }
  if (result === "predicate") return { ok: true, resultJson: JSON.stringify(jsonataBoolean(value)) };
  if (value === undefined) return { ok: true, resultJson: "" };
  const text = JSON.stringify(value, null, 2) ?? "";
  return { ok: true, resultJson: text.length > MAX_RESULT_CHARS ? `${text.slice(0, MAX_RESULT_CHARS)}…` : text };
}
