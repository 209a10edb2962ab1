import { parseAddressRule } from "~/domain/network/address-policy.mjs";

/** What is wrong with the entries of a one-per-line list, by line number; null when nothing is. */
export function lineErrors(text: string): string | null {
  const errors = text.split("\n").flatMap((line, index) => {
    if (line.trim() === "") return [];
    const parsed = parseAddressRule(line);
    return "error" in parsed ? [`Line ${index + 1}: ${parsed.error}`] : [];
  });
  return errors.length > 0 ? errors.join(" ") : null;
}
