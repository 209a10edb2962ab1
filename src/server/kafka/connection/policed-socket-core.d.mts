/** Types of policed-socket-core.mjs (a plain module: the playground's member processes import it too). */
import type { Socket } from "node:net";
import type { ConnectionOptions } from "node:tls";
import type { TAddressPolicy, TAddressRules } from "~/domain/network/address-policy.mjs";

/** kafkajs's ISocketFactory, spelled out: only src/server/kafka's .ts files may import kafkajs's types. */
export type TSocketFactory = (args: {
  host: string;
  port: number;
  ssl?: ConnectionOptions | boolean | null;
  onConnect: () => void;
}) => Socket;

export const ADDRESS_REFUSED_CODE: "ETRIBUTARY_ADDRESS_REFUSED";
export function addressRefusal(sentence: string): Error & { code: typeof ADDRESS_REFUSED_CODE };
export function addressRefusalSentence(error: unknown): string | null;
export function createPolicedSocketFactory(
  currentPolicy: () => TAddressPolicy | Promise<TAddressPolicy>,
): TSocketFactory;
export function policedSocketFactoryFrom(rules: TAddressRules): {
  socketFactory: TSocketFactory;
  replaceRules(rules: TAddressRules): void;
};
