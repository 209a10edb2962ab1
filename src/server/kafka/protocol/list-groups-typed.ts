import "server-only";
import type { InternalCluster } from "../internal-cluster";
import { kafkaProtocolError } from "../kafka-errors";
import { ByteReader } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { sendRawRequest, type TRawBroker } from "./raw-request";

/**
 * ListGroups v5 (KIP-848): besides the id and protocol type kafkajs reads (v2), each group's state
 * and type — "classic", "consumer", "share" (KIP-932) or "streams" (KIP-1071). Without the type a
 * share or streams group looks like a classic group that DescribeGroups calls Dead.
 */

export const LIST_GROUPS_API_KEY = 16;
const TYPED_VERSION = 5;

export type TTypedGroup = { groupId: string; protocolType: string; state: string; type: string };

type BrokerWithPool = TRawBroker;

/** Whether the broker answers ListGroups v5. */
export function supportsTypedListGroups(broker: Pick<TRawBroker, "versions">): boolean {
  const range = broker.versions?.[LIST_GROUPS_API_KEY];
  return range !== undefined && range.maxVersion >= TYPED_VERSION;
}

/**
 * Every group of every broker with its type and state; null when some broker does not speak v5
 * (before Kafka 3.8), so the caller falls back to kafkajs's untyped list.
 */
export async function listTypedGroups(cluster: InternalCluster): Promise<TTypedGroup[] | null> {
  const { brokers } = await cluster.metadata({ topics: [] });
  const perBroker = await Promise.all(
    brokers.map(async ({ nodeId }) => {
      // The same kafkajs Broker the coordinator requests use (groups/offsets-coordinator.ts), with its pool and versions.
      const broker = (await cluster.findBroker({ nodeId })) as unknown as BrokerWithPool;
      return supportsTypedListGroups(broker) ? sendListGroups(broker) : null;
    }),
  );
  if (perBroker.some((groups) => groups === null)) return null;
  const byId = new Map<string, TTypedGroup>();
  for (const groups of perBroker) for (const group of groups ?? []) byId.set(group.groupId, group);
  return [...byId.values()];
}

async function sendListGroups(broker: BrokerWithPool): Promise<TTypedGroup[]> {
  const none: string[] = [];
  const body = new ByteWriter()
    .noTaggedFields() // request header v2
    .compactArray(none, (writer, state) => writer.compactString(state)) // StatesFilter: every state
    .compactArray(none, (writer, type) => writer.compactString(type)) // TypesFilter: every type
    .noTaggedFields()
    .toBuffer();
  const response = await sendRawRequest(broker, {
    apiKey: LIST_GROUPS_API_KEY,
    apiVersion: TYPED_VERSION,
    apiName: "ListGroups",
    body,
    decode: decodeListGroupsV5,
  });
  if (response.errorCode !== 0) throw kafkaProtocolError(response.errorCode);
  return response.groups;
}

/** ListGroups Response v5, after kafkajs has read the correlation id. */
export function decodeListGroupsV5(payload: Buffer): { errorCode: number; groups: TTypedGroup[] } {
  const reader = new ByteReader(payload);
  reader.skipTaggedFields(); // response header v1
  reader.int32(); // throttle_time_ms
  const errorCode = reader.int16();
  const groups = reader.compactArray(() => {
    const groupId = reader.compactString();
    const protocolType = reader.compactString();
    const state = reader.compactString();
    const type = reader.compactString();
    reader.skipTaggedFields();
    return { groupId, protocolType, state, type };
  });
  reader.skipTaggedFields();
  return { errorCode, groups };
}
