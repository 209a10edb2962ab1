import "server-only";
import type { TGroupMember } from "~/domain/groups/group-dto";
import { withCoordinator, type CoordinatorBroker } from "../groups/offsets-coordinator";
import type { InternalCluster } from "../internal-cluster";
import { kafkaProtocolError } from "../kafka-errors";
import { ByteReader } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { sendRawRequest, speaksVersion } from "./raw-request";

/**
 * ConsumerGroupDescribe (API key 69, KIP-848): what the classic DescribeGroups cannot say about a
 * group on Kafka 4's new consumer protocol — its state, epochs and members with their assignment.
 * kafkajs 2.2.4 does not know this request, so it is encoded here and sent through the
 * coordinator broker's kafkajs connection (raw-request.ts), like OffsetDelete.
 * It is a "flexible" request: compact strings and arrays, tagged fields.
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
  return speaksVersion(coordinator, CONSUMER_GROUP_DESCRIBE_API_KEY, 0);
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

export function consumerGroupDescribe(
  coordinator: CoordinatorBroker,
  groupIds: readonly string[],
): Promise<TConsumerGroupDescription[]> {
  const body = new ByteWriter()
    .noTaggedFields() // request header v2
    .compactArray(groupIds, (writer, groupId) => writer.compactString(groupId))
    .boolean(false) // IncludeAuthorizedOperations
    .noTaggedFields()
    .toBuffer();
  return sendRawRequest(coordinator, {
    apiKey: CONSUMER_GROUP_DESCRIBE_API_KEY,
    apiVersion: 0,
    apiName: "ConsumerGroupDescribe",
    body,
    decode: decodeConsumerGroupDescribe,
  });
}

/** ConsumerGroupDescribe Response v0, after kafkajs has read the correlation id. */
export function decodeConsumerGroupDescribe(payload: Buffer): TConsumerGroupDescription[] {
  const reader = new ByteReader(payload);
  reader.skipTaggedFields(); // response header v1
  reader.int32(); // throttle_time_ms
  const groups = reader.compactArray(() => {
    const errorCode = reader.int16();
    reader.compactNullableString(); // error message
    const groupId = reader.compactString();
    const state = reader.compactString();
    const groupEpoch = reader.int32();
    const assignmentEpoch = reader.int32();
    const assignor = reader.compactString();
    const members = reader.compactArray(() => {
      const memberId = reader.compactString();
      reader.compactNullableString(); // instance id
      reader.compactNullableString(); // rack id
      const memberEpoch = reader.int32();
      const clientId = reader.compactString();
      const host = reader.compactString();
      reader.compactArray(() => reader.compactString()); // subscribed topic names
      reader.compactNullableString(); // subscribed topic regex
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

function readAssignment(reader: ByteReader): TGroupMember["assignment"] {
  const topics = reader.compactArray(() => {
    reader.skip(16); // topic id (uuid)
    const topic = reader.compactString();
    const partitions = reader.compactArray(() => reader.int32()).sort((a, b) => a - b);
    reader.skipTaggedFields();
    return { topic, partitions };
  });
  reader.skipTaggedFields();
  return topics.sort((a, b) => a.topic.localeCompare(b.topic));
}
