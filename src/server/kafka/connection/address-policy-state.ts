import "server-only";
import { compileAddressPolicy, type TAddressPolicy, type TAddressRules } from "~/domain/network/address-policy.mjs";
import { addressRefusal } from "./policed-socket-core.mjs";

/**
 * The admins' address lists, kept in memory so that every socket is checked without a query. They
 * live in PostgreSQL; the network service registers how to read them, and the first socket (or the
 * boot, see instrumentation.ts) reads them. Until they are read no socket opens: a restart must not
 * open a window in which a denied range is reachable. A process that never registers a loader (a
 * script, a test of the Kafka layer alone) gets the always-denied addresses and no lists.
 * On globalThis: Next bundles instrumentation and routes apart, and they must share one policy.
 */

type TState = {
  rules: TAddressRules | null;
  policy: TAddressPolicy | null;
  loader: (() => Promise<TAddressRules>) | null;
  loading: Promise<TAddressPolicy> | null;
};

const NO_RULES: TAddressRules = { allow: [], deny: [] };
const stateKey = Symbol.for("tributary.kafka.address-policy");
type GlobalWithState = typeof globalThis & { [stateKey]?: TState };
const state = ((globalThis as GlobalWithState)[stateKey] ??= {
  rules: null,
  policy: null,
  loader: null,
  loading: null,
});

export function registerAddressPolicyLoader(load: () => Promise<TAddressRules>): void {
  state.loader = load;
}

/** Takes new lists (an admin saved them); the next socket is checked against them. */
export function replaceAddressPolicy(rules: TAddressRules): void {
  state.policy = compileAddressPolicy(rules);
  state.rules = { allow: [...rules.allow], deny: [...rules.deny] };
}

async function load(loader: () => Promise<TAddressRules>): Promise<TAddressPolicy> {
  try {
    const rules = await loader();
    // An admin may have saved newer lists while these were read.
    if (!state.policy) replaceAddressPolicy(rules);
    return state.policy ?? compileAddressPolicy(rules);
  } catch {
    throw addressRefusal(
      "Tributary could not read its address policy from PostgreSQL, so it opens no connection to Kafka until it can.",
    );
  } finally {
    state.loading = null;
  }
}

/** The policy every socket is checked against; read from PostgreSQL the first time. */
export function currentAddressPolicy(): Promise<TAddressPolicy> {
  if (state.policy) return Promise.resolve(state.policy);
  if (!state.loader) return Promise.resolve(compileAddressPolicy(NO_RULES));
  state.loading ??= load(state.loader);
  return state.loading;
}

/** The lists as they stand, for a process that checks its own sockets (a playground member). */
export async function addressPolicySnapshot(): Promise<TAddressRules> {
  await currentAddressPolicy();
  return state.rules ?? NO_RULES;
}
