// IP addresses and CIDR ranges, parsed without Node's `net` so that the same code runs in the
// browser (the network page validates as you type), in the server and in the playground's member
// processes, which run plain .mjs files (see address-policy.mjs for why this is not TypeScript).
// Types: ip-address.d.mts.

const IPV4_BITS = 32n;
const IPV6_BITS = 128n;
// The upper 96 bits of IPv6 addresses that reach an IPv4 address (its last 32 bits):
/** ::ffff:0:0/96 — an IPv4-mapped address; the socket connects to the IPv4 address. */
const IPV4_MAPPED_PREFIX = 0xffffn;
/** 64:ff9b::/96 — the well-known NAT64 prefix: a NAT64 gateway forwards to the embedded IPv4 address. */
const NAT64_PREFIX = 0x0064ff9b0000000000000000n;

/** "10.1.2.3" → 167838211n; null unless four decimal parts 0–255 without leading zeros. */
function parseIPv4(text) {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function groupsOf(text) {
  return text === "" ? [] : text.split(":");
}

/** "fe80::1", "::ffff:10.0.0.1" → a 128-bit value; null when not an IPv6 address. A zone (%eth0) is dropped. */
function parseIPv6(text) {
  const zoneAt = text.indexOf("%");
  const bare = zoneAt >= 0 ? text.slice(0, zoneAt) : text;
  const halves = bare.split("::");
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const last = halves.length === 2 ? tail : head;
  if (last.length > 0 && last[last.length - 1].includes(".")) {
    const ipv4 = parseIPv4(last.pop());
    if (ipv4 === null) return null;
    last.push((ipv4 >> 16n).toString(16), (ipv4 & 0xffffn).toString(16));
  }
  const written = head.length + tail.length;
  if (halves.length === 1 ? written !== 8 : written > 7) return null;
  const groups = [...head, ...Array(8 - written).fill("0"), ...tail];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

/**
 * Parses an IP address. An IPv4 address written as IPv6 (IPv4-mapped, or behind the NAT64 prefix)
 * is returned as the IPv4 address it reaches, so one rule for 169.254.0.0/16 covers all spellings.
 */
export function parseIpAddress(text) {
  const trimmed = text.trim();
  const ipv4 = parseIPv4(trimmed);
  if (ipv4 !== null) return { version: 4, value: ipv4 };
  if (!trimmed.includes(":")) return null;
  const ipv6 = parseIPv6(trimmed);
  if (ipv6 === null) return null;
  const upper = ipv6 >> 32n;
  if (upper === IPV4_MAPPED_PREFIX || upper === NAT64_PREFIX) return { version: 4, value: ipv6 & 0xffffffffn };
  return { version: 6, value: ipv6 };
}

function bitsOf(version) {
  return version === 4 ? IPV4_BITS : IPV6_BITS;
}

/** The address written the usual way: dotted IPv4, or IPv6 with the longest run of zeros as "::". */
export function formatIpAddress(address) {
  if (address.version === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => ((address.value >> shift) & 0xffn).toString()).join(".");
  }
  const groups = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((address.value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start += 1) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length += 1;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/**
 * Parses "10.0.0.0/8", "fd00::/8" or a single address (a range of one). Returns the range, or
 * `{ error }` with a sentence when the text is no range or has bits set past its prefix.
 */
export function parseCidr(text) {
  const trimmed = text.trim();
  const [addressText, prefixText, ...extra] = trimmed.split("/");
  const address = extra.length === 0 ? parseIpAddress(addressText) : null;
  if (!address) return { error: `${trimmed} is not an IP address or range.` };
  const writtenBits = addressText.includes(":") ? 128 : 32;
  let prefix = writtenBits;
  if (prefixText !== undefined) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return { error: `${trimmed} has no valid prefix length after "/".` };
    prefix = Number(prefixText);
    if (prefix > writtenBits)
      return { error: `${trimmed} has a prefix longer than the address's ${writtenBits} bits.` };
  }
  // An IPv4 range written as IPv6 (::ffff:10.0.0.0/104) is that IPv4 range (/8).
  if (writtenBits === 128 && address.version === 4) {
    if (prefix < 96) return { error: `${trimmed} mixes IPv4 and IPv6 addresses; write the IPv4 range itself.` };
    prefix -= 96;
  }
  const hostBits = bitsOf(address.version) - BigInt(prefix);
  const network = (address.value >> hostBits) << hostBits;
  if (network !== address.value) {
    const suggestion = formatCidr({ version: address.version, network, prefix });
    return { error: `${trimmed} has bits set past its prefix; did you mean ${suggestion}?` };
  }
  return { version: address.version, network, prefix };
}

/** The range written back as text: "10.0.0.0/8", "fd00:ec2::254/128". */
export function formatCidr(range) {
  return `${formatIpAddress({ version: range.version, value: range.network })}/${range.prefix}`;
}

/** Whether the address lies in the range (an IPv4 address never lies in an IPv6 range, and back). */
export function isInCidr(address, range) {
  if (address.version !== range.version) return false;
  const hostBits = bitsOf(range.version) - BigInt(range.prefix);
  return address.value >> hostBits === range.network >> hostBits;
}
