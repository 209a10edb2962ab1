/**
 * The baseline of `pipeline-runtime`, run as its own process: the loop a developer would write by
 * hand with kafkajs — consume a batch, apply the transform, produce, then commit — for each of the
 * two hops (map: raw → mid, filter: mid → out), with the very JSONata compiler the runner's steps
 * use. At-least-once commits after the produce is acknowledged; exactly-once sends the offsets in
 * a transaction, one transactional producer per input partition (fencing without KIP-447, as the
 * runner does). Settings arrive as JSON in argv[2]; SIGTERM disconnects and exits.
 */
import kafkajs from "kafkajs";
import { DEFAULT_JSONATA_BUDGET } from "../src/domain/jsonata/compile";
import { jsonataCompiler } from "../src/domain/pipelines/engine/jsonata-host";
import type { TCompiledExpression } from "../src/domain/pipelines/step-types";
import { RE2_ENGINE } from "../src/server/services/expressions/re2-engine";

export type TLoopHop = { groupId: string; from: string; to: string } & (
  { kind: "map"; expression: string } | { kind: "filter"; predicate: string }
);
export type TLoopSettings = { brokers: string[]; exactlyOnce: boolean; partitions: number; hops: TLoopHop[] };

const settings = JSON.parse(process.argv[2] ?? "{}") as TLoopSettings;
const kafka = new kafkajs.Kafka({
  clientId: "bench-loop",
  brokers: settings.brokers,
  logLevel: kafkajs.logLevel.NOTHING,
});
const compile = jsonataCompiler(RE2_ENGINE, DEFAULT_JSONATA_BUDGET);
const closers: Array<() => Promise<void>> = [];

/** The transform of one record: a new value to write, or null to drop it. */
async function transform(hop: TLoopHop, expression: TCompiledExpression, value: unknown): Promise<unknown> {
  if (hop.kind === "filter") return (await expression.matches(value)) ? value : null;
  const now = expression.evaluateNow?.(value);
  return typeof now === "symbol" || now === undefined ? expression.evaluate(value) : now;
}

async function runHop(hop: TLoopHop): Promise<void> {
  const expression = compile(hop.kind === "map" ? hop.expression : hop.predicate);
  const consumer = kafka.consumer({ groupId: hop.groupId, readUncommitted: false, maxWaitTimeInMs: 500 });
  const producer = kafka.producer();
  const transactional = new Map<number, kafkajs.Producer>();
  const producerFor = async (partition: number) => {
    let found = transactional.get(partition);
    if (!found) {
      found = kafka.producer({
        transactionalId: `${hop.groupId}.p${partition}`,
        idempotent: true,
        maxInFlightRequests: 1,
      });
      await found.connect();
      transactional.set(partition, found);
    }
    return found;
  };
  await Promise.all([consumer.connect(), settings.exactlyOnce ? Promise.resolve() : producer.connect()]);
  closers.push(async () => {
    await consumer.disconnect();
    await producer.disconnect();
    for (const each of transactional.values()) await each.disconnect();
  });
  await consumer.subscribe({ topic: hop.from, fromBeginning: true });
  await consumer.run({
    autoCommit: !settings.exactlyOnce,
    partitionsConsumedConcurrently: settings.partitions,
    eachBatch: async ({ batch }) => {
      const messages: kafkajs.Message[] = [];
      for (const message of batch.messages) {
        const value = await transform(hop, expression, JSON.parse(message.value?.toString() ?? "null"));
        if (value !== null)
          messages.push({ key: message.key, value: JSON.stringify(value), timestamp: message.timestamp });
      }
      const next = (BigInt(batch.lastOffset()) + 1n).toString();
      if (!settings.exactlyOnce) {
        // Auto-commit runs after this handler returns: after the acks.
        if (messages.length > 0) await producer.send({ topic: hop.to, acks: -1, messages });
        return;
      }
      const transaction = await (await producerFor(batch.partition)).transaction();
      try {
        if (messages.length > 0) await transaction.send({ topic: hop.to, messages });
        await transaction.sendOffsets({
          consumerGroupId: hop.groupId,
          topics: [{ topic: hop.from, partitions: [{ partition: batch.partition, offset: next }] }],
        });
        await transaction.commit();
      } catch (error) {
        await transaction.abort().catch(() => undefined);
        throw error;
      }
    },
  });
}

process.once("SIGTERM", () => {
  void Promise.allSettled(closers.map((close) => close())).then(() => process.exit(0));
});
await Promise.all(settings.hops.map(runHop));
console.log("Loop started.");
