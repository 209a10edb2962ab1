/**
 * Record keys and values are message data: untrusted, shown only as text (React escapes it),
 * and cut so that one huge value cannot stall the page.
 */
export const MAX_VALUE_CHARS = 4_000;

/** A value as the text a person reads: JSON for structures, the text itself for text values. */
export function valueText(value: unknown, maxChars = MAX_VALUE_CHARS): string {
  let text: string;
  if (value === undefined) text = "(none)";
  else if (typeof value === "string") text = value;
  else {
    try {
      text =
        JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)) ??
        String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > maxChars ? `${text.slice(0, maxChars)}… (${text.length - maxChars} more characters)` : text;
}

export function keyText(key: string | null): string {
  return key === null ? "(no key)" : valueText(key, 200);
}
