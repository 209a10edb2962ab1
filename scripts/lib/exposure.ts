import { networkInterfaces } from "node:os";
import type { TEnv } from "../../src/env";

const EVERY_INTERFACE = new Set(["0.0.0.0", "::", "[::]"]);

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** HOST as it goes in a URL the user can open: the loopback name for "every interface", IPv6 in brackets. */
export function urlHost(host: string): string {
  if (EVERY_INTERFACE.has(host)) return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/** The addresses other machines could use to reach a server bound to every interface. */
function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => !address.internal)
    .map((address) => address.address);
}

/**
 * What `npm start` says about who can reach the app: on loopback, that only this machine can and
 * how to change it; otherwise a warning that names the interfaces, since there is no TLS in front.
 */
export function exposureNotice(env: Pick<TEnv, "HOST" | "PORT">): { isExposed: boolean; text: string } {
  if (isLoopback(env.HOST)) {
    return {
      isExposed: false,
      text: `Listening on ${urlHost(env.HOST)}:${env.PORT} only — set HOST=0.0.0.0 to expose it to your network.`,
    };
  }
  const addresses = EVERY_INTERFACE.has(env.HOST) ? externalAddresses() : [env.HOST];
  const where =
    addresses.length > 0 ? addresses.map((address) => `${urlHost(address)}:${env.PORT}`).join(", ") : env.HOST;
  return {
    isExposed: true,
    text: `Warning: HOST=${env.HOST} exposes Tributary to your network, on ${where}. Anyone who can reach these addresses can open it; requests must name an allowed host (ALLOWED_HOSTS).`,
  };
}
