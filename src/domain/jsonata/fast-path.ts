import type jsonata from "jsonata";

/**
 * A small interpreter of jsonata's own AST for the filters people write most — paths of plain
 * names compared with literals, joined by and/or — because jsonata 2's evaluate is async and costs
 * microtasks per node. It never guesses: whenever a value leaves the shapes it understands (an
 * array, an object, a type mismatch jsonata would report) it answers FALLBACK and the caller asks
 * jsonata itself. No code is generated; this walks closures built from the AST.
 */

export const FALLBACK = Symbol("jsonata.fallback");
export type TFastResult = boolean | typeof FALLBACK;
/** The input's top-level fields by name, so that a caller can compute them lazily. */
export type TFastInput = { field(name: string): unknown };
export type TFastPredicate = (input: TFastInput) => TFastResult;

type TValue = unknown;
type TEval = (input: TFastInput) => TValue;
const UNSURE = Symbol("jsonata.unsure");

const COMPARISONS = new Set(["=", "!=", "<", "<=", ">", ">="]);

/** Null when the expression uses anything beyond paths, literals, comparisons, and/or. */
export function compileFastPredicate(ast: jsonata.ExprNode): TFastPredicate | null {
  const evaluate = compileNode(ast);
  if (!evaluate) return null;
  return (input) => {
    const result = evaluate(input);
    if (result === UNSURE) return FALLBACK;
    if (typeof result === "boolean") return result;
    if (result === undefined) return false;
    return FALLBACK;
  };
}

function compileNode(node: jsonata.ExprNode): TEval | null {
  if (hasExtras(node)) return null;
  // jsonata.d.ts omits "path" from its node types, although the parser produces it.
  switch (node.type as string) {
    case "string":
    case "number":
    case "value": {
      const literal: unknown = node.value;
      return () => literal;
    }
    case "path":
      return compilePath(node);
    case "binary":
      return compileBinary(node);
    case "function":
      return compileFunction(node);
    default:
      return null;
  }
}

/** The string functions filters use most; anything jsonata would reject as a type error goes to jsonata. */
const FUNCTIONS: Record<string, { arity: number; apply: (args: TValue[]) => TValue }> = {
  contains: {
    arity: 2,
    apply: ([text, part]) => {
      if (text === undefined) return undefined;
      if (typeof text !== "string" || typeof part !== "string") return UNSURE;
      return text.includes(part);
    },
  },
  lowercase: {
    arity: 1,
    apply: ([text]) => (text === undefined ? undefined : typeof text === "string" ? text.toLowerCase() : UNSURE),
  },
  uppercase: {
    arity: 1,
    apply: ([text]) => (text === undefined ? undefined : typeof text === "string" ? text.toUpperCase() : UNSURE),
  },
  exists: { arity: 1, apply: ([value]) => value !== undefined },
  not: {
    arity: 1,
    apply: ([value]) => {
      if (value === undefined) return undefined;
      const truth = truthy(value);
      return truth === UNSURE ? UNSURE : !truth;
    },
  },
};

function compileFunction(node: jsonata.ExprNode): TEval | null {
  const procedure = node.procedure;
  if (node.value !== "(" || procedure?.type !== "variable" || typeof procedure.value !== "string") return null;
  const known = Object.prototype.hasOwnProperty.call(FUNCTIONS, procedure.value)
    ? FUNCTIONS[procedure.value]
    : undefined;
  const args = (node.arguments ?? []).map(compileNode);
  if (!known || args.length !== known.arity || args.some((arg) => arg === null)) return null;
  const compiled = args as TEval[];
  return (input) => {
    const values = compiled.map((arg) => arg(input));
    if (values.includes(UNSURE)) return UNSURE;
    return known.apply(values);
  };
}

function hasExtras(node: jsonata.ExprNode): boolean {
  const record = node as unknown as Record<string, unknown>;
  return (
    "predicate" in record ||
    "stages" in record ||
    "group" in record ||
    "focus" in record ||
    "index" in record ||
    "keepArray" in record
  );
}

function compilePath(node: jsonata.ExprNode): TEval | null {
  const steps = node.steps ?? [];
  if (steps.length === 0) return null;
  const names: string[] = [];
  for (const step of steps) {
    if (step.type !== "name" || typeof step.value !== "string" || hasExtras(step)) return null;
    names.push(step.value);
  }
  const [first, ...rest] = names as [string, ...string[]];
  return (input) => {
    let current: unknown = input.field(first);
    for (const name of rest) {
      // jsonata maps a path over arrays (sequences); leave that to jsonata.
      if (Array.isArray(current)) return UNSURE;
      if (current === null || typeof current !== "object") return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, name)) return undefined;
      current = (current as Record<string, unknown>)[name];
    }
    if (current !== null && typeof current === "object") return UNSURE;
    return current;
  };
}

function compileBinary(node: jsonata.ExprNode): TEval | null {
  const operator = node.value as string;
  if (!node.lhs || Array.isArray(node.lhs) || !node.rhs) return null;
  const left = compileNode(node.lhs);
  const right = compileNode(node.rhs);
  if (!left || !right) return null;
  if (operator === "and" || operator === "or") {
    const isAnd = operator === "and";
    return (input) => {
      const lhs = left(input);
      if (lhs === UNSURE) return UNSURE;
      const leftTrue = truthy(lhs);
      if (leftTrue === UNSURE) return UNSURE;
      if (isAnd ? !leftTrue : leftTrue) return leftTrue;
      const rhs = right(input);
      if (rhs === UNSURE) return UNSURE;
      return truthy(rhs);
    };
  }
  if (!COMPARISONS.has(operator)) return null;
  return (input) => {
    const lhs = left(input);
    const rhs = right(input);
    if (lhs === UNSURE || rhs === UNSURE) return UNSURE;
    return compare(operator, lhs, rhs);
  };
}

function compare(operator: string, lhs: TValue, rhs: TValue): TValue {
  // jsonata: a comparison with a missing value is false, not an error.
  if (lhs === undefined || rhs === undefined) return false;
  if (operator === "=" || operator === "!=") {
    if (!isScalar(lhs) || !isScalar(rhs)) return UNSURE;
    return operator === "=" ? lhs === rhs : lhs !== rhs;
  }
  const bothNumbers = typeof lhs === "number" && typeof rhs === "number";
  const bothStrings = typeof lhs === "string" && typeof rhs === "string";
  // Mixed types are an error in jsonata (T2009/T2010); let it report that in its own words.
  if (!bothNumbers && !bothStrings) return UNSURE;
  const [a, b] = [lhs as number | string, rhs as number | string];
  if (operator === "<") return a < b;
  if (operator === "<=") return a <= b;
  if (operator === ">") return a > b;
  return a >= b;
}

function isScalar(value: TValue): boolean {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** jsonata's $boolean for scalars; arrays and objects are left to jsonata. */
function truthy(value: TValue): boolean | typeof UNSURE {
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return value.length > 0;
  if (typeof value === "number") return value !== 0;
  return UNSURE;
}

/** A text the raw bytes of a field must contain for the expression to be true. */
export type TRequiredText = { field: "key" | "value"; text: string };

/**
 * Texts that must appear in the raw key or value for the expression to hold: from an and-chain
 * (or a single comparison) of `key…`/`value…` paths compared with `=` to a string literal. A
 * value without the text cannot produce that string — unless JSON escapes spelled it differently,
 * so literals needing escapes are skipped and callers must treat bytes holding a backslash as
 * possible matches. This lets a search skip JSON.parse for almost every non-matching record.
 */
export function requiredTexts(ast: jsonata.ExprNode): TRequiredText[] {
  if (hasExtras(ast)) return [];
  if (ast.type === "binary" && ast.value === "and" && ast.lhs && !Array.isArray(ast.lhs) && ast.rhs) {
    return [...requiredTexts(ast.lhs), ...requiredTexts(ast.rhs)];
  }
  const sides = comparedSides(ast);
  if (!sides) return [];
  const literal = sides.find((side) => side.type === "string" && !hasExtras(side));
  const path = sides.find((side) => (side.type as string) === "path");
  const field = path?.steps?.[0]?.value;
  if (!literal || typeof literal.value !== "string" || literal.value === "") return [];
  if (field !== "key" && field !== "value") return [];
  if (/["\\\u0000-\u001f\u2028\u2029]/.test(literal.value)) return [];
  return [{ field, text: literal.value }];
}

/** The two sides of `a = "x"` or of `$contains(a, "x")`: either way a's text holds "x". */
function comparedSides(ast: jsonata.ExprNode): jsonata.ExprNode[] | null {
  if (ast.type === "binary" && ast.value === "=" && ast.lhs && !Array.isArray(ast.lhs) && ast.rhs)
    return [ast.lhs, ast.rhs];
  const isContains =
    ast.type === "function" && ast.procedure?.type === "variable" && ast.procedure.value === "contains";
  if (isContains && ast.arguments?.length === 2) return ast.arguments;
  return null;
}
