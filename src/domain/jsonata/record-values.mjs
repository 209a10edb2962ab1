// What a JSONata filter sees of a record's bytes, and what counts as true — shared by the main
// thread (src/server/services/messages/search/jsonata-input.ts, src/domain/jsonata/evaluate.ts)
// and the worker processes (src/server/services/expressions/jsonata-worker.mjs), which load plain
// JavaScript by path. Types: record-values.d.mts.

/**
 * A key or value as a filter sees it: the parsed JSON when the text is a JSON document, else the
 * text itself. Only text that can start a JSON document is worth a parse attempt (and its exception).
 */
export function parsePayloadText(text) {
  if (!mayBeJson(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function mayBeJson(text) {
  let index = 0;
  while (
    index < text.length &&
    (text[index] === " " || text[index] === "\n" || text[index] === "\r" || text[index] === "\t")
  )
    index += 1;
  const first = text.charCodeAt(index);
  // { [ " - digits t(rue) f(alse) n(ull)
  return (
    first === 123 ||
    first === 91 ||
    first === 34 ||
    first === 45 ||
    (first >= 48 && first <= 57) ||
    first === 116 ||
    first === 102 ||
    first === 110
  );
}

/** jsonata's $boolean: empty strings, 0, empty arrays and objects, null and undefined are false. */
export function jsonataBoolean(value) {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some(jsonataBoolean);
  if (typeof value === "object") return Object.keys(value).length > 0;
  if (typeof value === "string") return value.length > 0;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "function") return false;
  return Boolean(value);
}
