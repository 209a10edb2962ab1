/**
 * JSON parsing that keeps every number exactly as written. JSON.parse turns 9007199254740993 into
 * 9007199254740992 (a double has 53 bits), and Kafka payloads carry int64 ids, offsets and
 * timestamps; a viewer must show the digits the producer sent. JSON.parse's reviver cannot see the
 * source text in Node 20 or older browsers, so number tokens are first rewritten into marked
 * strings, then JSON.parse builds the value (still no recursion, no prototype pollution), and a
 * walk turns the marked strings into JsonNumber.
 */

/** A JSON number as its source text, e.g. "9007199254740993", "1.10", "1e400". */
export class JsonNumber {
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
}

// In valid JSON a string can only start with U+0000 if written as the escape \u0000, so a marker
// starting with it cannot be forged: such strings are marked too (ESCAPED) and unmarked after.
const NUMBER = "\u0000n";
const ESCAPED = "\u0000s";
const RAW_NULL = "\\u0000";

/** Null unless `text` is one valid JSON document; numbers in the value are JsonNumber. */
export function parseJsonLossless(text: string): { value: unknown } | null {
  try {
    // The plain parse is the judge of validity: the rewrite below would turn "01" into a string.
    JSON.parse(text);
  } catch {
    return null;
  }
  const marked = JSON.parse(markNumbers(text)) as unknown;
  return { value: unmark(marked) };
}

function markNumbers(text: string): string {
  const out: string[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      const end = stringEnd(text, index);
      const body = text.slice(index + 1, end);
      let next = end + 1;
      while (/\s/.test(text[next] ?? "")) next++;
      const isKey = text[next] === ":";
      out.push(!isKey && body.startsWith(RAW_NULL) ? `"\\u0000s${body}"` : `"${body}"`);
      index = end + 1;
    } else if (char === "-" || (char >= "0" && char <= "9")) {
      let end = index + 1;
      while (end < text.length && /[0-9eE+\-.]/.test(text[end]!)) end++;
      out.push(`"\\u0000n${text.slice(index, end)}"`);
      index = end;
    } else {
      out.push(char);
      index++;
    }
  }
  return out.join("");
}

/** Index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === "\\" ? 2 : 1;
  return index;
}

function unmarkScalar(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (value.startsWith(NUMBER)) return new JsonNumber(value.slice(NUMBER.length));
  if (value.startsWith(ESCAPED)) return value.slice(ESCAPED.length);
  return value;
}

/** Iterative, so 10,000 levels of nesting do not overflow the stack. */
function unmark(root: unknown): unknown {
  const stack: object[] = [];
  if (root !== null && typeof root === "object") stack.push(root);
  while (stack.length > 0) {
    const container = stack.pop() as Record<string, unknown>;
    // Own keys only; assigning to an own "__proto__" data property sets that property, not the prototype.
    for (const key of Object.keys(container)) {
      const child = container[key];
      if (child !== null && typeof child === "object") stack.push(child);
      else container[key] = unmarkScalar(child);
    }
  }
  return unmarkScalar(root);
}
