import "server-only";
import { CLUSTER_ERRORS } from "./cluster-and-requests";
import { GROUP_ERRORS } from "./groups";
import { SECURITY_ERRORS } from "./security";
import { TOPIC_AND_PARTITION_ERRORS } from "./topics-and-partitions";
import { TRANSACTION_ERRORS } from "./transactions";
import type { TKafkaErrorSentence } from "./types";

/** Every error code of the Kafka protocol up to Kafka 4.3 (-1 to 133; 0 is "no error"). */
export const KAFKA_ERROR_SENTENCES: readonly TKafkaErrorSentence[] = [
  ...CLUSTER_ERRORS,
  ...TOPIC_AND_PARTITION_ERRORS,
  ...GROUP_ERRORS,
  ...SECURITY_ERRORS,
  ...TRANSACTION_ERRORS,
].sort((a, b) => a.code - b.code);

const byCode = new Map(KAFKA_ERROR_SENTENCES.map((entry) => [entry.code, entry]));
const byName = new Map(
  KAFKA_ERROR_SENTENCES.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])].map((name) => [name, entry])),
);

export function errorSentenceByCode(code: number): TKafkaErrorSentence | undefined {
  return byCode.get(code);
}

/** By Kafka's name or kafkajs's older one (kafkajs errors carry it as `type`). */
export function errorSentenceByName(name: string): TKafkaErrorSentence | undefined {
  return byName.get(name);
}
