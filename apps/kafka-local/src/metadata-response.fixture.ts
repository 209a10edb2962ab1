import type { MetadataResponse } from "./kafka-protocol";

/**
 * Builds a size-prefixed Metadata v8 response the way a broker writes it, for decoder and probe
 * tests. Kept apart from the decoder so the tests do not check the code against itself.
 */
export function metadataResponseFrame(response: MetadataResponse): Buffer {
  const parts: Buffer[] = [int32(response.correlationId), int32(0)]; // throttle_time_ms
  parts.push(int32(response.brokers.length));
  for (const broker of response.brokers) {
    parts.push(int32(broker.nodeId), string(broker.host), int32(broker.port), string(broker.rack));
  }
  parts.push(string(response.clusterId), int32(response.controllerId), int32(response.topics.length));
  for (const topic of response.topics) {
    parts.push(int16(topic.errorCode), string(topic.name), Buffer.from([topic.isInternal ? 1 : 0]));
    parts.push(int32(topic.partitions.length));
    for (const partition of topic.partitions) {
      parts.push(int16(partition.errorCode), int32(partition.partition), int32(partition.leaderId), int32(0));
      parts.push(int32Array(partition.replicas), int32Array(partition.isr), int32Array([]));
    }
    parts.push(int32(-2147483648)); // topic_authorized_operations: not requested
  }
  parts.push(int32(-2147483648)); // cluster_authorized_operations: not requested
  const body = Buffer.concat(parts);
  return Buffer.concat([int32(body.length), body]);
}

function int16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeInt16BE(value);
  return buffer;
}
function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}
function int32Array(values: number[]): Buffer {
  return Buffer.concat([int32(values.length), ...values.map(int32)]);
}
function string(value: string | null): Buffer {
  if (value === null) return int16(-1);
  const bytes = Buffer.from(value, "utf8");
  return Buffer.concat([int16(bytes.length), bytes]);
}
