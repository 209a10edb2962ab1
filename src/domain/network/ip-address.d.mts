/** Types of ip-address.mjs (a plain module: the playground's member processes import it too). */

/** An IP address; an IPv4 address written as IPv6 (::ffff:a.b.c.d, 64:ff9b::a.b.c.d) is version 4. */
export type TIpAddress = { version: 4 | 6; value: bigint };

/** A CIDR range: `network` has no bits set past `prefix`. */
export type TCidr = { version: 4 | 6; network: bigint; prefix: number };

export function parseIpAddress(text: string): TIpAddress | null;
export function formatIpAddress(address: TIpAddress): string;
export function parseCidr(text: string): TCidr | { error: string };
export function formatCidr(range: TCidr): string;
export function isInCidr(address: TIpAddress, range: TCidr): boolean;
