import "server-only";
import type { InternalCluster } from "../internal-cluster";
import { kafkaProtocolError } from "../kafka-errors";
import { compactArray, CompactReader } from "./compact-protocol";
import type { CoordinatorBroker } from "./offsets-coordinator";

/**
 * ListGroups v5 (KIP-848): besides the id and protocol type kafkajs reads (v2), each group's state
 * and type — "classic", "consumer", "share" (KIP-932) or "streams" (KIP-1071). Without the type a
 * share or streams group looks like a classic group that DescribeGroups calls Dead.
 */

export const LIST_GROUPS_API_KEY = 16;
const TYPED_VERSION = 5;

export type TTypedGroup = { groupId: string; protocolType: string; state: string; type: string };

type BrokerWithPool = Pick<CoordinatorBroker, "versions" | "connectionPool">;

/** Whether the broker answers ListGroups v5. */
export function supportsTypedListGroups(broker: Pick<CoordinatorBroker, "versions">): boolean {
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
      // The same kafkajs Broker the coordinator requests use (offsets-coordinator.ts), with its pool and versions.
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
  const body = Buffer.concat([
    Buffer.from([0]), // request header v2: no tagged fields
    compactArray([]), // StatesFilter: every state
    compactArray([]), // TypesFilter: every type
    Buffer.from([0]), // no tagged fields
  ]);
  const response = (await broker.connectionPool.send({
    request: {
      apiKey: LIST_GROUPS_API_KEY,
      apiVersion: TYPED_VERSION,
      apiName: "ListGroups",
      encode: () => Promise.resolve({ buf: body, buffer: body }),
    },
    response: {
      decode: (payload) => Promise.resolve(decodeListGroupsV5(payload)),
      parse: (decoded) => Promise.resolve(decoded),
    },
  })) as { errorCode: number; groups: TTypedGroup[] };
  if (response.errorCode !== 0) throw kafkaProtocolError(response.errorCode);
  return response.groups;
}

/** ListGroups Response v5, after kafkajs has read the correlation id. */
export function decodeListGroupsV5(payload: Buffer): { errorCode: number; groups: TTypedGroup[] } {
  const reader = new CompactReader(payload);
  reader.skipTaggedFields(); // response header v1
  reader.int32(); // throttle_time_ms
  const errorCode = reader.int16();
  const groups = reader.array(() => {
    const groupId = reader.string();
    const protocolType = reader.string();
    const state = reader.string();
    const type = reader.string();
    reader.skipTaggedFields();
    return { groupId, protocolType, state, type };
  });
  reader.skipTaggedFields();
  return { errorCode, groups };
}
