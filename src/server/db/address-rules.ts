import "server-only";
import type { TAddressRules } from "~/domain/network/address-policy.mjs";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

type TList = keyof TAddressRules;
const LISTS: readonly TList[] = ["allow", "deny"];

/** The admins' allow and deny lists, each in the order they were written. */
export async function readAddressRules(): Promise<TAddressRules> {
  const rows = await withDatabase(() =>
    getDb().addressRule.findMany({ select: { list: true, rule: true }, orderBy: { position: "asc" } }),
  );
  const rulesOf = (list: TList) => rows.filter((row) => row.list === list).map((row) => row.rule);
  return { allow: rulesOf("allow"), deny: rulesOf("deny") };
}

/** Replaces both lists at once (the caller passes lists without duplicates). */
export async function replaceAddressRules(rules: TAddressRules): Promise<void> {
  const data = LISTS.flatMap((list) => rules[list].map((rule, position) => ({ list, rule, position })));
  await withDatabase(() =>
    getDb().$transaction([getDb().addressRule.deleteMany(), getDb().addressRule.createMany({ data })]),
  );
}
