import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKafka, type RunningKafka } from "../../apps/kafka-local/src/cluster";
import { findFreeBasePort } from "../../apps/kafka-local/src/ports";
import type { TDeliveryMode } from "~/domain/pipelines/document";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { expectDeliveredAsPromised, FaultRig } from "./fault-rig";
import { sensorRecords } from "./input-records";
import { mapFilterDocument, passesFilter } from "./runtime-documents";

/**
 * One broker of three stopped mid-stream and started again, under a two-step pipeline whose
 * topics have replication factor 3 and min.insync.replicas 2: leaders move, the runner's
 * clients reconnect, and the guarantees hold. The 3-node cluster is this file's own (shared by its tests).
 */
/** 100,000 as the issue asks; TRIBUTARY_FAULT_RECORDS sets fewer for a quick run on a busy machine. */
const COUNT = Number(process.env.TRIBUTARY_FAULT_RECORDS ?? 100_000);
const PARTITIONS = 6;
const dataDir = path.join(".data/test", `runtime-three-brokers-${process.pid}`);
let kafka: RunningKafka;

beforeAll(async () => {
  kafka = await startKafka({ brokers: 3, dataDir, basePort: await findFreeBasePort(3), clean: true });
}, 180_000);

afterAll(async () => {
  await disconnectAllClusters();
  await kafka?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

/** The broker leading most partitions of `topic`: stopping it moves the most leaders. */
async function busiestLeader(rig: FaultRig, topic: string): Promise<number> {
  const { topics } = await rig.admin.fetchTopicMetadata({ topics: [topic] });
  const led = new Map<number, number>();
  for (const partition of topics[0]?.partitions ?? []) led.set(partition.leader, (led.get(partition.leader) ?? 0) + 1);
  return [...led].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
}

async function brokerRestartMidStream(deliveryMode: TDeliveryMode) {
  const prefix = `rt-broker-${deliveryMode === "exactly-once" ? "eos" : "alo"}-${Date.now().toString(36)}`;
  await FaultRig.run(prefix, kafka.bootstrapServers, async (rig) => {
    await rig.createTopics([`${prefix}-raw`, `${prefix}-mid`, `${prefix}-out`, `${prefix}-dead`], {
      partitions: PARTITIONS,
      replicationFactor: 3,
      configs: { "min.insync.replicas": "2" },
    });
    await rig.produce(`${prefix}-raw`, sensorRecords(COUNT, { streams: 48, startMs: Date.now() - COUNT, stepMs: 1 }));
    const expected = Array.from({ length: COUNT }, (_, id) => id).filter(passesFilter);
    const out = await rig.collect(`${prefix}-out`);
    await rig.startRunner();
    const deployed = await rig.deploy(mapFilterDocument(prefix, prefix, { deliveryMode }));

    await expect.poll(() => out.ids.received, { timeout: 300_000, interval: 20 }).toBeGreaterThan(expected.length / 3);
    const stopped = await busiestLeader(rig, `${prefix}-out`);
    const deliveredBeforeStop = out.ids.distinct;
    await kafka.stopBroker(stopped);
    // The pipeline keeps going on two brokers (min.insync.replicas 2), then the third comes back.
    const further = Math.min(expected.length, deliveredBeforeStop + expected.length / 10);
    await expect.poll(() => out.ids.distinct, { timeout: 300_000, interval: 50 }).toBeGreaterThanOrEqual(further);
    await kafka.startBroker(stopped);

    await rig.settled(deployed, [out]);
    // The broker stopped while records were still on their way (else this test would prove nothing).
    expect(deliveredBeforeStop).toBeLessThan(expected.length);
    expectDeliveredAsPromised(deliveryMode, expected, out.ids.counts);
  });
}

describe("one broker of three stopped and restarted mid-stream", () => {
  it("at-least-once: loses no record", () => brokerRestartMidStream("at-least-once"), 600_000);
  it("exactly-once: loses no record and duplicates none", () => brokerRestartMidStream("exactly-once"), 600_000);
});
