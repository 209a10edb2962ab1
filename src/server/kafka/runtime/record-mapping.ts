import "server-only";
import type { KafkaMessage, Message, TopicMessages } from "kafkajs";
import type { TInRecord, TOutRecord } from "./step-member-types";

/** kafkajs records in and out of the step member; no kafkajs type leaves this folder. */

export function toInRecords(partition: number, messages: readonly KafkaMessage[]): TInRecord[] {
  const records = new Array<TInRecord>(messages.length);
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index]!;
    records[index] = {
      partition,
      offset: message.offset,
      timestamp: Number(message.timestamp),
      key: message.key,
      value: message.value,
      headers: message.headers ? toHeaderStrings(message.headers) : {},
    };
  }
  return records;
}

/** A header repeated under one key keeps its first value: our own headers are never repeated. */
function toHeaderStrings(headers: NonNullable<KafkaMessage["headers"]>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key in headers) {
    const raw = headers[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) result[key] = typeof value === "string" ? value : value.toString("utf8");
  }
  return result;
}

/**
 * One sendBatch's topic messages for records in the order given: kafkajs keeps that order within
 * each partition, which is all Kafka promises to readers anyway.
 */
export function toTopicMessages(records: readonly TOutRecord[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const record of records) {
    let messages = byTopic.get(record.topic);
    if (!messages) byTopic.set(record.topic, (messages = []));
    const message: Message = { key: record.key, value: record.value, headers: record.headers };
    if (record.partition !== undefined) message.partition = record.partition;
    messages.push(message);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
