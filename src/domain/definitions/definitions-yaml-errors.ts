/** Where a definitions file is wrong, as a line number, a path and a sentence a person reads. */
import { isNode, type Document, type LineCounter, type YAMLError } from "yaml";
import type { z } from "zod";

export type TYamlError = { line: number | null; path: string; message: string };

type TPath = ReadonlyArray<string | number>;

/** The parser's own errors, first line only: the code frame it appends repeats what `line` says. */
export function yamlSyntaxErrors(errors: readonly YAMLError[]): TYamlError[] {
  return errors.map((error) => ({
    line: error.linePos?.[0].line ?? null,
    path: "",
    message: sentence((error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")),
  }));
}

/**
 * The line of the node at `path`, or of its nearest ancestor when the key is missing (a definition
 * without an owner points at the definition). 1-based, as editors count.
 */
export function lineOf(document: Document, lineCounter: LineCounter, path: TPath): number | null {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return null;
}

/** `definitions[2].configs.retention.ms`: indexes in brackets, keys after dots. */
export function pathText(path: TPath): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");
}

/**
 * YAML's values as the definition schema expects them. Integers are read as bigint so a config such as
 * retention.bytes keeps every digit: under `configs` every scalar becomes its string (Kafka carries
 * configs as strings, and a person writes `retention.ms: 86400000` unquoted); elsewhere a bigint
 * becomes a number (partitions, versions).
 */
export function toPlainValues(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(toPlainValues);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === "configs" && isRecord(item) ? configValues(item) : toPlainValues(item),
    ]),
  );
}

function configValues(configs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(configs).map(([name, value]) => [
      name,
      typeof value === "bigint" || typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : toPlainValues(value),
    ]),
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A key the format does not have is almost always a typo; ignoring it would lose what was meant. */
export function unknownKeyErrors(
  value: Record<string, unknown>,
  known: readonly string[],
  at: TPath,
): Array<{ path: TPath; message: string }> {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      path: [...at, key],
      message: `${key} is not a field of this file; the fields are ${known.join(", ")}.`,
    }));
}

/** Our own sentences (refinements) as they are; zod's generic ones rephrased for the field. */
export function issueSentence(issue: z.core.$ZodIssue, root: unknown): string {
  const key = String(issue.path.at(-1) ?? "The file");
  const isMissing = valueAt(root, issue.path) === undefined;
  switch (issue.code) {
    case "invalid_type":
      return isMissing
        ? `${key} is missing.`
        : `${key} must be ${article(issue.expected)}${issue.expected === "array" ? " (a list)" : ""}.`;
    case "invalid_value":
      return `${key} ${isMissing ? "is missing; it is" : "must be"} one of ${issue.values.map(String).join(", ")}.`;
    case "too_big":
    case "too_small":
      // zod's own wording ("Too big: expected string to have <=200 characters") names no field.
      return sentence(/^Too (big|small)/.test(issue.message) ? `${key}: ${lowerFirst(issue.message)}` : issue.message);
    default:
      return sentence(issue.message);
  }
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
