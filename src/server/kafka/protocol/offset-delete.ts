import "server-only";
import { ByteReader } from "./byte-reader";
import { ByteWriter } from "./byte-writer";
import { sendRawRequest, type TRawBroker } from "./raw-request";

/** OffsetDelete (API key 47, KIP-496): kafkajs 2.2.4 has no such request. */
export const OFFSET_DELETE_API_KEY = 47;

export type OffsetDeleteResponse = {
  errorCode: number;
  topics: { name: string; partitions: { partition: number; errorCode: number }[] }[];
};

/** OffsetDelete Request v0 => group_id [topics [name [partition_index]]] (one topic). */
export function encodeOffsetDelete(groupId: string, topic: string, partitions: readonly number[]): Buffer {
  return new ByteWriter()
    .string(groupId)
    .array([topic], (writer, name) =>
      writer.string(name).array(partitions, (inner, partition) => inner.int32(partition)),
    )
    .toBuffer();
}

/** Sends OffsetDelete v0 (a non-flexible version every broker since Kafka 2.4 accepts) to the group's coordinator. */
export function sendOffsetDelete(
  coordinator: Pick<TRawBroker, "connectionPool">,
  groupId: string,
  topic: string,
  partitions: readonly number[],
): Promise<OffsetDeleteResponse> {
  return sendRawRequest(coordinator, {
    apiKey: OFFSET_DELETE_API_KEY,
    apiVersion: 0,
    apiName: "OffsetDelete",
    body: encodeOffsetDelete(groupId, topic, partitions),
    decode: decodeOffsetDelete,
  });
}

/** OffsetDelete Response v0 => error_code throttle_time_ms [topics [partitions partition_index error_code]] */
export function decodeOffsetDelete(payload: Buffer): OffsetDeleteResponse {
  const reader = new ByteReader(payload);
  const errorCode = reader.int16();
  reader.int32(); // throttle_time_ms
  const topics = reader.array(() => ({
    name: reader.string(),
    partitions: reader.array(() => ({ partition: reader.int32(), errorCode: reader.int16() })),
  }));
  return { errorCode, topics };
}
