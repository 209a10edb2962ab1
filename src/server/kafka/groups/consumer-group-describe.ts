import "server-only";
import type { TGroupMember } from "~/domain/groups/group-dto";
import { compactArray, compactString, CompactReader } from "./compact-protocol";
import type { InternalCluster } from "../internal-cluster";
import { kafkaProtocolError } from "../kafka-errors";
import { withCoordinator, type CoordinatorBroker } from "./offsets-coordinator";

/**
 * ConsumerGroupDescribe (API key 69, KIP-848): what the classic DescribeGroups cannot say about a
 * group on Kafka 4's new consumer protocol — its state, epochs and members with their assignment.
 * kafkajs 2.2.4 does not know this request, so it is encoded here and sent through the
 * coordinator broker's kafkajs connection, like OffsetDelete in offsets-coordinator.ts.
 *
 * It is a "flexible" request: compact strings and arrays, tagged fields. kafkajs writes request
 * header v1 and reads response header v0; header v2 / v1 add one tagged-field section each, so an
 * empty one (0x00) leads the body we send and is skipped first in the body we receive.
 */

export const CONSUMER_GROUP_DESCRIBE_API_KEY = 69;

export type TConsumerGroupDescription = {
  groupId: string;
  /** Kafka's error code for this group (0: none; 69 GROUP_ID_NOT_FOUND: not a consumer-protocol group). */
  errorCode: number;
  /** Empty, Assigning, Reconciling, Stable, Dead. */
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: (TGroupMember & { memberEpoch: number })[];
};

/** Whether the broker speaks ConsumerGroupDescribe (Kafka 3.7+ with the new protocol; 4.0 on). */
export function supportsConsumerGroupDescribe(coordinator: CoordinatorBroker): boolean {
  const range = coordinator.versions?.[CONSUMER_GROUP_DESCRIBE_API_KEY];
  return range !== undefined && range.minVersion <= 0 && range.maxVersion >= 0;
}

/** COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR: ask the group's new coordinator. */
const COORDINATOR_MOVING_CODES = new Set([14, 15, 16]);

/**
 * One group at its coordinator; undefined when that broker lacks the request. ConsumerGroupDescribe
 * reports a moved or loading coordinator inside the group's error code, not as a request error: it
 * is thrown here so that withCoordinator finds the coordinator again and retries, instead of the
 * page showing an "Unknown" group.
 */
export function describeConsumerGroup(
  cluster: InternalCluster,
  groupId: string,
): Promise<TConsumerGroupDescription | undefined> {
  return withCoordinator(cluster, groupId, async (coordinator) => {
    if (!supportsConsumerGroupDescribe(coordinator)) return undefined;
    const [described] = await consumerGroupDescribe(coordinator, [groupId]);
    if (described && COORDINATOR_MOVING_CODES.has(described.errorCode)) throw kafkaProtocolError(described.errorCode);
    return described;
  });
}

export async function consumerGroupDescribe(
  coordinator: CoordinatorBroker,
  groupIds: readonly string[],
): Promise<TConsumerGroupDescription[]> {
  const body = Buffer.concat([
    Buffer.from([0]), // request header v2: no tagged fields
    compactArray(groupIds.map(compactString)),
    Buffer.from([0]), // IncludeAuthorizedOperations = false
    Buffer.from([0]), // no tagged fields
  ]);
  const response = await coordinator.connectionPool.send({
    request: {
      apiKey: CONSUMER_GROUP_DESCRIBE_API_KEY,
      apiVersion: 0,
      apiName: "ConsumerGroupDescribe",
      encode: () => Promise.resolve({ buf: body, buffer: body }),
    },
    response: {
      decode: (payload) => Promise.resolve(decodeConsumerGroupDescribe(payload)),
      parse: (decoded) => Promise.resolve(decoded),
    },
  });
  return response as TConsumerGroupDescription[];
}

/** ConsumerGroupDescribe Response v0, after kafkajs has read the correlation id. */
export function decodeConsumerGroupDescribe(payload: Buffer): TConsumerGroupDescription[] {
  const reader = new CompactReader(payload);
  reader.skipTaggedFields(); // response header v1
  reader.int32(); // throttle_time_ms
  const groups = reader.array(() => {
    const errorCode = reader.int16();
    reader.nullableString(); // error message
    const groupId = reader.string();
    const state = reader.string();
    const groupEpoch = reader.int32();
    const assignmentEpoch = reader.int32();
    const assignor = reader.string();
    const members = reader.array(() => {
      const memberId = reader.string();
      reader.nullableString(); // instance id
      reader.nullableString(); // rack id
      const memberEpoch = reader.int32();
      const clientId = reader.string();
      const host = reader.string();
      reader.array(() => reader.string()); // subscribed topic names
      reader.nullableString(); // subscribed topic regex
      const assignment = readAssignment(reader);
      readAssignment(reader); // target assignment
      reader.skipTaggedFields();
      return { memberId, clientId, host, memberEpoch, assignment };
    });
    reader.int32(); // authorized operations
    reader.skipTaggedFields();
    return { groupId, errorCode, state, groupEpoch, assignmentEpoch, assignor, members };
  });
  reader.skipTaggedFields();
  return groups;
}

function readAssignment(reader: CompactReader): TGroupMember["assignment"] {
  const topics = reader.array(() => {
    reader.skip(16); // topic id (uuid)
    const topic = reader.string();
    const partitions = reader.array(() => reader.int32()).sort((a, b) => a - b);
    reader.skipTaggedFields();
    return { topic, partitions };
  });
  reader.skipTaggedFields();
  return topics.sort((a, b) => a.topic.localeCompare(b.topic));
}
