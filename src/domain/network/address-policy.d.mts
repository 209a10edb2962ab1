/** Types of address-policy.mjs (a plain module: the playground's member processes import it too). */
import type { TCidr } from "./ip-address.mjs";

/** The admins' lists as entered: CIDR ranges, single addresses and host names ("*.example.com"). */
export type TAddressRules = { allow: readonly string[]; deny: readonly string[] };

export type TAddressRule = { kind: "range"; text: string; range: TCidr } | { kind: "name"; text: string; name: string };

/** The lists parsed, ready to decide with. */
export type TAddressPolicy = { allow: readonly TAddressRule[]; deny: readonly TAddressRule[] };

/** Whether a socket may be opened; when not, the sentence names the address and the rule. */
export type TAddressDecision = { isAllowed: true } | { isAllowed: false; sentence: string };

export const ALWAYS_DENIED: readonly { rule: string; what: string; range: TCidr }[];
export const ALWAYS_DENIED_NAMES: readonly string[];

export function parseAddressRule(text: string): TAddressRule | { error: string };
export function addressRuleErrors(entries: readonly string[]): { index: number; error: string }[];
export function compileAddressPolicy(rules: TAddressRules): TAddressPolicy;
export function checkHost(policy: TAddressPolicy, host: string): TAddressDecision;
export function checkResolvedAddress(policy: TAddressPolicy, host: string, address: string): TAddressDecision;
