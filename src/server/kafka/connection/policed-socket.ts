import "server-only";
import type { ISocketFactory } from "kafkajs";
import { currentAddressPolicy } from "./address-policy-state";
import { createPolicedSocketFactory } from "./policed-socket-core.mjs";

export type { TAddressRules as TAddressPolicySnapshot } from "~/domain/network/address-policy.mjs";
export { addressPolicySnapshot } from "./address-policy-state";
/** Builds the same factory from a snapshot, in a process that cannot ask this one (demo-member.mjs). */
export { policedSocketFactoryFrom } from "./policed-socket-core.mjs";

/**
 * kafkajs's `socketFactory` for the server's clients: every socket they open — to a bootstrap
 * server, or to a broker that Metadata advertised — is checked against the server's current
 * address policy first (see policed-socket-core.mjs).
 */
export function policedSocketFactory(): ISocketFactory {
  return createPolicedSocketFactory(currentAddressPolicy);
}
