/**
 * A member's host as people write it. Kafka's coordinator fills clientHost from Java's
 * InetAddress.toString(), "hostname/address" — with an empty hostname when none was resolved, so
 * most members arrive as "/127.0.0.1". Keep the name when there is one, else the bare address.
 */
export function memberHost(clientHost: string): string {
  const slash = clientHost.indexOf("/");
  if (slash < 0) return clientHost;
  const name = clientHost.slice(0, slash);
  const address = clientHost.slice(slash + 1);
  return name || address;
}
