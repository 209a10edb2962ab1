import jsonata from "jsonata";
import { compileFastPredicate, requiredTexts, type TFastPredicate, type TRequiredText } from "./fast-path";

/**
 * Budgets for one evaluation. JSONata runs in this process, so a user's expression must not be
 * able to spin forever (`$f := function($x){$f($x)}`) or recurse until the stack breaks.
 */
export type TJsonataBudget = {
  /** Wall time of one evaluation, in milliseconds. */
  timeoutMs: number;
  /** Nesting of JSONata's own evaluation (recursion through user functions counts here). */
  maxEvaluationDepth: number;
  /** Nesting of the input, checked only for expressions that walk it with `**`. */
  maxInputDepth: number;
};

export const DEFAULT_JSONATA_BUDGET: TJsonataBudget = { timeoutMs: 250, maxEvaluationDepth: 500, maxInputDepth: 200 };

/** A parsed expression, ready to evaluate under a budget. */
export type TCompiledJsonata = {
  source: string;
  budget: TJsonataBudget;
  expression: jsonata.Expression;
  /** An interpreter of jsonata's AST for the common shapes (comparisons, and/or), or null. */
  fast: TFastPredicate | null;
  /** Whether the expression walks its input with `**` (so deep input needs a depth check). */
  walksDescendants: boolean;
  /** Texts the raw key or value must contain for a match (see requiredTexts). */
  required: readonly TRequiredText[];
};

/**
 * How regular expressions run: a constructor for jsonata's RegexEngine option and a check that
 * refuses, with a sentence, a pattern the engine cannot run. The server passes RE2 (linear time);
 * the browser, which only checks syntax, passes nothing and gets JavaScript's RegExp.
 */
export type TRegexEngine = { construct: RegExpConstructor; refuse(regex: RegExp): string | null };

export type TCompileResult =
  { ok: true; compiled: TCompiledJsonata } | { ok: false; sentence: string; position: number | null };

type TJsonataError = { code?: string; position?: number; message?: string };

/** Parses a JSONata expression; a syntax error comes back as a sentence with its character position. */
export function compileJsonata(
  source: string,
  budget: TJsonataBudget = DEFAULT_JSONATA_BUDGET,
  regexEngine: TRegexEngine | null = null,
): TCompileResult {
  if (source.trim() === "") return { ok: false, sentence: "Enter a JSONata expression.", position: null };
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, {
      timeout: budget.timeoutMs,
      stack: budget.maxEvaluationDepth,
      // Ranges like [1..10000000] would otherwise build huge sequences before the timeout is checked.
      sequence: 1_000_000,
      ...(regexEngine ? { RegexEngine: regexEngine.construct } : {}),
    });
  } catch (error) {
    const { position, message } = (error ?? {}) as TJsonataError;
    const where = typeof position === "number" ? ` at character ${position}` : "";
    return {
      ok: false,
      sentence: `The expression has a syntax error${where}: ${message ?? "it could not be parsed"}.`.replace(
        /\.\.$/,
        ".",
      ),
      position: typeof position === "number" ? position : null,
    };
  }
  const ast = expression.ast();
  let walksDescendants = false;
  let refusal: { sentence: string; position: number | null } | null = null;
  visit(ast, (node) => {
    if (node.type === "descendant" || node.type === "wildcard") walksDescendants = true;
    // jsonata.d.ts calls it "regexp"; the parser produces "regex".
    if ((node.type as string) === "regex" && regexEngine && !refusal && node.value instanceof RegExp) {
      const sentence = regexEngine.refuse(node.value);
      if (sentence) refusal = { sentence, position: typeof node.position === "number" ? node.position : null };
    }
  });
  if (refusal) return { ok: false, ...(refusal as { sentence: string; position: number | null }) };
  return {
    ok: true,
    compiled: {
      source,
      budget,
      expression,
      fast: compileFastPredicate(ast),
      walksDescendants,
      required: requiredTexts(ast),
    },
  };
}

/** Walks every node of a jsonata AST (children live under several different property names). */
function visit(node: unknown, onNode: (node: jsonata.ExprNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, onNode);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (typeof record.type === "string") onNode(record as unknown as jsonata.ExprNode);
  for (const key of Object.keys(record)) {
    if (key !== "type" && key !== "value") visit(record[key], onNode);
  }
}
