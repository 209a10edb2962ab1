function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The share of keys whose partition changes when a topic goes from `from` to `to` partitions, for
 * evenly spread hashes. hash % from equals hash % to exactly when both equal a residue r < min(from,
 * to), which happens for min(from, to) hashes out of every lcm(from, to): e.g. 3 → 5 keeps 3 of 15.
 */
export function movedKeyShare(from: number, to: number): number {
  const lcm = (from / gcd(from, to)) * to;
  return 1 - Math.min(from, to) / lcm;
}
