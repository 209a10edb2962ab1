import { z } from "zod";
import { addressRuleErrors } from "./address-policy.mjs";

/** More than a few hundred entries is no policy anyone reads; ranges cover large sets. */
export const MAX_ADDRESS_RULES = 200;

/** Trimmed, without blank entries or repeats, in the order written. */
export function tidyRuleList(entries: readonly string[]): string[] {
  return [...new Set(entries.map((entry) => entry.trim()).filter((entry) => entry !== ""))];
}

/** One rule per line, as the network page's text areas hold them. */
export function rulesFromLines(text: string): string[] {
  return tidyRuleList(text.split("\n"));
}

const ZRuleList = z
  .array(z.string().max(1_000))
  .max(MAX_ADDRESS_RULES, `A list holds at most ${MAX_ADDRESS_RULES} entries; use ranges to cover more.`)
  .transform(tidyRuleList)
  .superRefine((entries, ctx) => {
    for (const { error } of addressRuleErrors(entries)) ctx.addIssue({ code: "custom", message: error });
  });

/** The admins' lists as the network page sends them; each entry that is no rule gets its sentence. */
export const ZAddressRules = z.object({ allow: ZRuleList, deny: ZRuleList });
export type TAddressRulesInput = z.input<typeof ZAddressRules>;
