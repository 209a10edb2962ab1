import type { Message, PartitionMetadata, ProducerBatch, RecordMetadata } from "kafkajs";
import { describe, expect, it } from "vitest";
import { checkedSending } from "./checked-send";

const partitionMetadata: PartitionMetadata[] = [0, 1, 2].map((partitionId) => ({
  partitionId,
  leader: partitionId,
  replicas: [partitionId],
  isr: [partitionId],
  partitionErrorCode: 0,
}));

/** What kafkajs does with a batch on each try: asks the partitioner for every record's partition. */
function partitionsOnOneTry(sending: ReturnType<typeof checkedSending>, batch: ProducerBatch): number[] {
  const partitioner = sending.createPartitioner();
  return (batch.topicMessages ?? []).flatMap(({ topic, messages }) =>
    messages.map((message) => partitioner({ topic, partitionMetadata, message })),
  );
}

const acknowledged = (partitions: number[]): RecordMetadata[] =>
  [...new Set(partitions)].map((partition) => ({ topicName: "out", partition, errorCode: 0 }));

const keyless = (count: number): Message[] => Array.from({ length: count }, (_, index) => ({ key: null, value: `${index}` }));

describe("checked sending", () => {
  it("resolves when the answer acknowledges every partition a record was given", async () => {
    const sending = checkedSending();
    const messages = [{ key: "sensor-1", value: "a" }, { key: "sensor-2", value: "b" }, ...keyless(4)];
    await expect(
      sending.sendBatch(async (batch) => acknowledged(partitionsOnOneTry(sending, batch)), [{ topic: "out", messages }]),
    ).resolves.toBeUndefined();
  });

  it("fails with a sentence when a partition's records were never acknowledged (kafkajs's retry skipped them)", async () => {
    const sending = checkedSending();
    const send = async (batch: ProducerBatch) => {
      const partitions = partitionsOnOneTry(sending, batch);
      // The first try's answer from the brokers that answered, as kafkajs returns it after its retry.
      return acknowledged(partitions.filter((partition) => partition !== 1));
    };
    await expect(sending.sendBatch(send, [{ topic: "out", messages: keyless(6) }])).rejects.toThrow(
      "Kafka did not acknowledge the records for partition 1 of out: a partition leader moved while they were being written.",
    );
  });

  it("gives a record the same partition on every try, keyless ones included", async () => {
    const sending = checkedSending();
    const tries: number[][] = [];
    const send = async (batch: ProducerBatch) => {
      tries.push(partitionsOnOneTry(sending, batch), partitionsOnOneTry(sending, batch));
      return acknowledged(tries[0]!);
    };
    await sending.sendBatch(send, [{ topic: "out", messages: [{ key: "sensor-1", value: "a" }, ...keyless(5)] }]);
    expect(tries[1]).toEqual(tries[0]);
    // Kafka's partitioner spreads keyless records (round robin): the first try used more than one partition.
    expect(new Set(tries[0]).size).toBeGreaterThan(1);
  });
});
