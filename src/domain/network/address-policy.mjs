// The address policy: which addresses Tributary's Kafka clients may open a socket to. Pure; used by
// the server's socket factory, by the playground's member processes and by the network page's form.
//
// Why plain JavaScript: the member processes are plain Node programs (demo-member.mjs, started by
// path so that Next's bundler leaves them alone) and must apply exactly this check; Node 20 cannot
// run TypeScript. Types: address-policy.d.mts; tests: address-policy.test.ts.
//
// Order of a decision: always-denied addresses and names, then the admins' deny list, then — when
// it is not empty — the admins' allow list (only what it names is allowed). Loopback and private
// ranges are allowed by default: the local broker listens on 127.0.0.1.
import { formatIpAddress, isInCidr, parseCidr, parseIpAddress } from "./ip-address.mjs";

const METADATA = "a cloud metadata address";

/** Refused whatever the lists say. The first match names the reason, so metadata comes before link-local. */
export const ALWAYS_DENIED = [
  { rule: "169.254.169.254/32", what: METADATA }, // AWS, Azure, GCP, Oracle, DigitalOcean, OpenStack
  { rule: "fd00:ec2::254/128", what: METADATA }, // AWS over IPv6
  { rule: "100.100.100.200/32", what: METADATA }, // Alibaba Cloud
  { rule: "192.0.0.192/32", what: METADATA }, // Oracle Cloud Classic
  { rule: "169.254.0.0/16", what: "a link-local address" },
  { rule: "fe80::/10", what: "a link-local address" },
  { rule: "0.0.0.0/8", what: "an unspecified address" },
  { rule: "::/128", what: "the unspecified address" },
  { rule: "224.0.0.0/4", what: "a multicast address" },
  { rule: "ff00::/8", what: "a multicast address" },
  { rule: "255.255.255.255/32", what: "the broadcast address" },
].map((entry) => ({ ...entry, range: parseCidr(entry.rule) }));

/** Names of metadata services (GCP's, and the EC2 names) that resolve to them inside the cloud. */
export const ALWAYS_DENIED_NAMES = [
  "metadata.google.internal",
  "metadata.goog",
  "metadata",
  "instance-data",
  "instance-data.ec2.internal",
];

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOST_NAME = new RegExp(`^(\\*\\.)?${LABEL}(\\.${LABEL})*$`);
const MAX_RULE_LENGTH = 253;

/** Lower case, without the trailing dot of a fully qualified name. */
function normalizeName(host) {
  const lower = host.trim().toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

function looksLikeAddress(text) {
  return text.includes("/") || text.includes(":") || /^[0-9.]+$/.test(text);
}

/**
 * One entry of an admin list: a CIDR range or single address ("10.0.0.0/8", "fd00::/8", "10.1.2.3"),
 * a host name ("kafka-1.example.com") or every name under a domain ("*.example.com").
 */
export function parseAddressRule(text) {
  const trimmed = text.trim();
  if (trimmed === "") return { error: "An empty entry is no rule; remove it." };
  if (trimmed.length > MAX_RULE_LENGTH) return { error: `An entry is at most ${MAX_RULE_LENGTH} characters long.` };
  if (looksLikeAddress(trimmed)) {
    const range = parseCidr(trimmed);
    return "error" in range ? range : { kind: "range", text: trimmed, range };
  }
  const name = normalizeName(trimmed);
  if (!HOST_NAME.test(name)) {
    return {
      error: `${trimmed} is neither an IP range (10.0.0.0/8) nor a host name (kafka.example.com, *.example.com).`,
    };
  }
  return { kind: "name", text: trimmed, name };
}

/** Sentences for the entries of one list that are not rules, by index; empty when all are. */
export function addressRuleErrors(entries) {
  return entries.flatMap((entry, index) => {
    const parsed = parseAddressRule(entry);
    return "error" in parsed ? [{ index, error: parsed.error }] : [];
  });
}

/** Parses the admins' lists. Every entry was checked when it was saved; one that is not a rule throws. */
export function compileAddressPolicy(rules) {
  const compile = (entries) =>
    entries.map((entry) => {
      const parsed = parseAddressRule(entry);
      if ("error" in parsed) throw new Error(parsed.error);
      return parsed;
    });
  return { allow: compile(rules.allow), deny: compile(rules.deny) };
}

function nameMatches(rule, name) {
  return rule.name.startsWith("*.") ? name.endsWith(rule.name.slice(1)) : name === rule.name;
}

function ruleMatches(rule, name, address) {
  return rule.kind === "name"
    ? name !== null && nameMatches(rule, name)
    : address !== null && isInCidr(address, rule.range);
}

const ALLOWED = { isAllowed: true };
const refused = (sentence) => ({ isAllowed: false, sentence });

/**
 * Checks the host a client was given (a bootstrap server, or an address a broker advertised) before
 * anything is resolved. An IP literal is checked in full; a name is checked again, address by
 * address, once it is resolved (`checkResolvedAddress`).
 */
export function checkHost(policy, host) {
  if (parseIpAddress(host)) return checkResolvedAddress(policy, host, host);
  const name = normalizeName(host);
  if (ALWAYS_DENIED_NAMES.includes(name)) return refused(`${host} is ${METADATA}; Tributary never connects to it.`);
  const denied = policy.deny.find((rule) => rule.kind === "name" && nameMatches(rule, name));
  if (denied) return refused(`${host} matches ${denied.text} on the address policy's deny list.`);
  return ALLOWED;
}

/** Checks one address that `host` resolved to (for an IP literal, host and address are the same). */
export function checkResolvedAddress(policy, host, addressText) {
  const address = parseIpAddress(addressText);
  const isLiteral = parseIpAddress(host) !== null;
  const written = address ? formatIpAddress(address) : addressText;
  let subject = `${host} resolves to ${written}, which`;
  if (isLiteral) subject = written === host ? host : `${host} (${written})`;
  if (!address) return refused(`${subject} is not an IP address Tributary can check, so it does not connect.`);
  const always = ALWAYS_DENIED.find((entry) => isInCidr(address, entry.range));
  if (always) return refused(`${subject} is ${always.what}; Tributary never connects to it.`);
  const name = isLiteral ? null : normalizeName(host);
  const denied = policy.deny.find((rule) => ruleMatches(rule, name, address));
  if (denied) return refused(`${subject} is in ${denied.text}, on the address policy's deny list.`);
  if (policy.allow.length > 0 && !policy.allow.some((rule) => ruleMatches(rule, name, address))) {
    return refused(`${subject} is outside the address policy's allow list.`);
  }
  return ALLOWED;
}
