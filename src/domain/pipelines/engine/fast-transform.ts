/**
 * A synchronous interpreter of jsonata's AST for the transforms map steps are made of — object
 * constructors with literal keys whose values are plain paths, literals, `$`, arithmetic on
 * numbers and `&` on text — because jsonata 2 evaluates asynchronously, at a cost per node that
 * dominates a step over many records. Like the predicate fast path it never guesses: an array
 * anywhere on a path, a type jsonata would refuse, anything else, and it answers FALLBACK so that
 * jsonata itself evaluates (and reports errors in its own words).
 */
import type jsonata from "jsonata";

export const TRANSFORM_FALLBACK = Symbol("jsonata.transform-fallback");
type TResult = unknown;
type TEval = (input: unknown) => TResult;
export type TFastTransform = (input: unknown) => unknown;

const ARITHMETIC = new Set(["+", "-", "*", "/", "%"]);
const EXTRAS = ["predicate", "stages", "group", "focus", "index", "keepArray", "tuple", "ancestor"];

/** Null when the expression has a shape this does not know. */
export function compileFastTransform(ast: jsonata.ExprNode): TFastTransform | null {
  const evaluate = compileNode(ast);
  if (!evaluate) return null;
  return (input) => (Array.isArray(input) ? TRANSFORM_FALLBACK : evaluate(input));
}

function hasExtras(node: jsonata.ExprNode): boolean {
  const record = node as unknown as Record<string, unknown>;
  return EXTRAS.some((name) => name in record);
}

function compileNode(node: jsonata.ExprNode): TEval | null {
  if (hasExtras(node)) return null;
  switch (node.type as string) {
    case "string":
    case "number":
    case "value": {
      const literal: unknown = node.value;
      return () => literal;
    }
    case "variable":
      // `$` alone is the input; other variables are jsonata's.
      return node.value === "" ? (input) => input : null;
    case "path":
      return compilePath(node);
    case "unary":
      return node.value === "{" ? compileObject(node) : null;
    case "binary":
      return compileBinary(node);
    default:
      return null;
  }
}

function compilePath(node: jsonata.ExprNode): TEval | null {
  const names: string[] = [];
  for (const step of node.steps ?? []) {
    if (step.type !== "name" || typeof step.value !== "string" || hasExtras(step)) return null;
    names.push(step.value);
  }
  if (names.length === 0) return null;
  return (input) => {
    let current: unknown = input;
    for (const name of names) {
      if (current === TRANSFORM_FALLBACK || Array.isArray(current)) return TRANSFORM_FALLBACK;
      if (current === null || typeof current !== "object") return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, name)) return undefined;
      current = (current as Record<string, unknown>)[name];
    }
    // jsonata flattens arrays into sequences; leave that to it.
    return Array.isArray(current) ? TRANSFORM_FALLBACK : current;
  };
}

function compileObject(node: jsonata.ExprNode): TEval | null {
  const pairs = (node as unknown as { lhs?: [jsonata.ExprNode, jsonata.ExprNode][] }).lhs;
  if (!Array.isArray(pairs)) return null;
  const keys: string[] = [];
  const values: TEval[] = [];
  for (const [keyNode, valueNode] of pairs) {
    // Literal, distinct, non-index keys only: the rest may raise jsonata's own errors or reorder.
    if (keyNode.type !== "string" || typeof keyNode.value !== "string" || /^\d+$/.test(keyNode.value)) return null;
    if (keys.includes(keyNode.value)) return null;
    const value = compileNode(valueNode);
    if (!value) return null;
    keys.push(keyNode.value);
    values.push(value);
  }
  return (input) => {
    const result: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = values[i]!(input);
      if (value === TRANSFORM_FALLBACK) return TRANSFORM_FALLBACK;
      if (value !== undefined) result[keys[i]!] = value;
    }
    return result;
  };
}

function compileBinary(node: jsonata.ExprNode): TEval | null {
  const operator = node.value as string;
  if (!node.lhs || Array.isArray(node.lhs) || !node.rhs) return null;
  if (operator !== "&" && !ARITHMETIC.has(operator)) return null;
  const left = compileNode(node.lhs);
  const right = compileNode(node.rhs);
  if (!left || !right) return null;
  if (operator === "&") {
    return (input) => {
      const lhs = left(input);
      const rhs = right(input);
      // jsonata casts other types with its own number formatting: leave those to it.
      if ((lhs !== undefined && typeof lhs !== "string") || (rhs !== undefined && typeof rhs !== "string")) {
        return TRANSFORM_FALLBACK;
      }
      return (lhs ?? "") + (rhs ?? "");
    };
  }
  return (input) => {
    const lhs = left(input);
    const rhs = right(input);
    if (lhs === TRANSFORM_FALLBACK || rhs === TRANSFORM_FALLBACK) return TRANSFORM_FALLBACK;
    if (lhs !== undefined && !isFiniteNumber(lhs)) return TRANSFORM_FALLBACK;
    if (rhs !== undefined && !isFiniteNumber(rhs)) return TRANSFORM_FALLBACK;
    if (lhs === undefined || rhs === undefined) return undefined;
    const result = arithmetic(operator, lhs as number, rhs as number);
    return Number.isFinite(result) ? result : TRANSFORM_FALLBACK;
  };
}

function isFiniteNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

function arithmetic(operator: string, lhs: number, rhs: number): number {
  if (operator === "+") return lhs + rhs;
  if (operator === "-") return lhs - rhs;
  if (operator === "*") return lhs * rhs;
  if (operator === "/") return lhs / rhs;
  return lhs % rhs;
}
