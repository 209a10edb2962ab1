import "server-only";
import type { TAddressRules } from "~/domain/network/address-policy.mjs";
import { readAddressRules, replaceAddressRules } from "~/server/db/address-rules";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import {
  currentAddressPolicy,
  registerAddressPolicyLoader,
  replaceAddressPolicy,
} from "~/server/kafka/connection/address-policy-state";
import { sendAddressPolicyToMembers } from "~/server/kafka/playground/demo-member-process";
import { auditedAction, type TAuditActor } from "../audit/audited";

// Every socket the Kafka clients open reads the lists from memory; this is where they come from.
registerAddressPolicyLoader(readAddressRules);

/** Reads the lists into memory at boot, so that the first Kafka connection need not wait for them. */
export async function loadAddressPolicy(): Promise<void> {
  await currentAddressPolicy();
}

export function getAddressRules(): Promise<TAddressRules> {
  return readAddressRules();
}

/**
 * Saves new lists (validated by ZAddressRules) and applies them at once: new sockets are checked
 * against them, and the clusters' clients are disconnected so that no connection made under the
 * old lists stays open (the next request reconnects, checked). Playground members get the lists
 * for their next sockets.
 */
export async function setAddressRules(by: TAuditActor, rules: TAddressRules): Promise<TAddressRules> {
  const before = await readAddressRules();
  await auditedAction(
    {
      by,
      action: "network.set-address-policy",
      clusterId: null,
      target: "address policy",
      details: { before, after: rules },
    },
    async () => {
      await replaceAddressRules(rules);
      replaceAddressPolicy(rules);
      sendAddressPolicyToMembers(rules);
      await disconnectAllClusters();
    },
  );
  return rules;
}
