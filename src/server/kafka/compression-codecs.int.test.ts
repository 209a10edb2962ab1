import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { kafkaClasspath, kafkaLibsDir } from "../../../apps/kafka-local/src/jars";
import { disconnectCluster, withAdmin, withMetadata } from "./client-registry";
import { fetchRecords } from "./messages/fetch-records";
import { readPartitionStates } from "./messages/partition-states";
import { createTopic } from "./topics/create-topic";

const target = { id: "compression-test", bootstrapServers: inject("kafkaBrokers") };
const topic = `t-${Date.now().toString(36)}-codecs`;
const CODECS = ["gzip", "snappy", "lz4", "zstd"] as const;

/** Produces `lines` ("key:value") with Kafka's own Java console producer, compressed with `codec`. */
function javaProduce(codec: string, lines: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "java",
      [
        "-cp",
        kafkaClasspath(kafkaLibsDir()),
        "org.apache.kafka.tools.ConsoleProducer",
        "--bootstrap-server",
        target.bootstrapServers,
        "--topic",
        topic,
        "--compression-codec",
        codec,
        "--property",
        "parse.key=true",
        "--property",
        "key.separator=:",
      ],
      { stdio: ["pipe", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`ConsoleProducer exited with ${code}: ${stderr}`)),
    );
    child.stdin.end(lines.map((line) => `${line}\n`).join(""));
  });
}

beforeAll(async () => {
  await createTopic(target, { name: topic, partitions: 1, replicationFactor: 1, configs: {} }, { validateOnly: false });
  // One batch per codec; the values repeat so that compression really shrinks them.
  for (const codec of CODECS) {
    await javaProduce(
      codec,
      Array.from({ length: 50 }, (_, index) => `${codec}-${index}:${codec} ${"reading ".repeat(20)}${index}`),
    );
  }
}, 120_000);

afterAll(async () => {
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic] }));
  await disconnectCluster(target.id);
});

describe("records compressed by Java producers", () => {
  it("reads gzip, snappy, lz4 and zstd batches", async () => {
    const records = await withMetadata(target, async (cluster) => {
      const [state] = await readPartitionStates(cluster, topic);
      const [result] = await fetchRecords(cluster, topic, [{ partition: 0, leader: state!.leader!, fromOffset: 0n }], {
        maxWaitMs: 0,
        maxBytesPerPartition: 1024 * 1024,
      });
      return result?.records ?? [];
    });
    expect(records).toHaveLength(CODECS.length * 50);
    for (const [index, codec] of CODECS.entries()) {
      const first = records[index * 50];
      expect(first?.key?.toString()).toBe(`${codec}-0`);
      expect(first?.value?.toString()).toBe(`${codec} ${"reading ".repeat(20)}0`);
      expect(records[index * 50 + 49]?.key?.toString()).toBe(`${codec}-49`);
    }
  });
});
