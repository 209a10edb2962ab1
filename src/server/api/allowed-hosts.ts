import "server-only";
import { hostname, networkInterfaces } from "node:os";
import { env } from "~/env";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const EVERY_INTERFACE = new Set(["0.0.0.0", "::", "[::]"]);

/** True for an address that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** An address as it appears in a Host header: IPv6 in brackets, lower case. */
function asHostName(address: string): string {
  const lower = address.toLowerCase();
  return lower.includes(":") && !lower.startsWith("[") ? `[${lower}]` : lower;
}

/**
 * The Host header values the server answers: ALLOWED_HOSTS when set, otherwise the names of what
 * HOST binds to on PORT — loopback names always (the machine itself), plus this machine's name and
 * every interface address when HOST is 0.0.0.0 / ::, or the one address HOST names. A request for any
 * other name is a DNS-rebinding attempt or a misconfiguration, and is refused.
 */
export function allowedHosts(options: { host: string; port: number; allowedHosts?: string | undefined }): string[] {
  if (options.allowedHosts) {
    return options.allowedHosts
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean);
  }
  const names = new Set(LOOPBACK_NAMES);
  if (EVERY_INTERFACE.has(options.host)) {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) names.add(asHostName(address.address.split("%")[0] ?? address.address));
    }
  } else {
    names.add(asHostName(options.host));
  }
  return [...names].map((name) => `${name}:${options.port}`);
}

/**
 * Whether a Host header value (host or host:port) is on the list. An entry without a port allows its
 * host on any port; an entry with one allows exactly that.
 */
export function isHostAllowed(hostHeader: string, allowed: readonly string[]): boolean {
  const value = hostHeader.trim().toLowerCase();
  if (value === "") return false;
  const host = value.startsWith("[") ? value.slice(0, value.indexOf("]") + 1) : (value.split(":")[0] ?? value);
  return allowed.some((entry) => entry === value || entry === host);
}

let configured: string[] | undefined;

/** This server's allow-list, from HOST, PORT and ALLOWED_HOSTS (computed once: interfaces are read then). */
export function serverAllowedHosts(): readonly string[] {
  return (configured ??= allowedHosts({ host: env.HOST, port: env.PORT, allowedHosts: env.ALLOWED_HOSTS }));
}
