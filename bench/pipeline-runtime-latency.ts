/**
 * End-to-end latency through the seeds' chain (telemetry.raw → clean → telemetry.clean → rolling
 * z-score → telemetry.anomalies) run by one runner process, at a steady 5,000 readings/s: each
 * reading carries the time it was sent, and the output topic stamps each record with the time the
 * broker appended it (LogAppendTime), so latency = append time − send time, on one clock. The
 * floor beside it is Kafka alone: the same readings' append time in telemetry.raw.
 */
import kafkajs from "kafkajs";
import { templateById } from "../src/domain/pipelines/templates";
import { startRunnerProcess } from "../test/runtime/runner-process";
import { quantile } from "./stats";

const RATE = 5_000;
const TICK_MS = 20;
const WARM_UP_SECONDS = 5;
const MEASURED_SECONDS = 30;
const TOPICS = ["telemetry.raw", "telemetry.clean", "telemetry.anomalies", "telemetry.dead-letter"];

type TLatencyInput = {
  admin: kafkajs.Admin;
  client: kafkajs.Kafka;
  clusterId: string;
  createTopics: (names: string[], configs?: Record<string, string>) => Promise<void>;
};

/** Latencies (ms) of the records read from `topic` whose value was sent at or after `from`. */
async function latencyReader(client: kafkajs.Kafka, topic: string, groupId: string) {
  const samples: Array<{ sentAt: number; latency: number }> = [];
  const consumer = client.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const value = JSON.parse(message.value?.toString() ?? "{}") as { sentAt?: number };
      if (typeof value.sentAt === "number")
        samples.push({ sentAt: value.sentAt, latency: Number(message.timestamp) - value.sentAt });
    },
  });
  return { samples, stop: () => consumer.disconnect() };
}

/** Sends RATE readings a second in ticks of TICK_MS, each tick on schedule (a late tick sends at once, never skips). */
async function produceSteadily(producer: kafkajs.Producer, seconds: number, firstId: number): Promise<number> {
  const perTick = (RATE * TICK_MS) / 1000;
  const started = performance.now();
  let id = firstId;
  for (let tick = 0; tick < (seconds * 1000) / TICK_MS; tick += 1) {
    const due = started + tick * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const messages = Array.from({ length: perTick }, () => {
      const server = `server-${id % 48}`;
      id += 1;
      const value = 50 + ((id * 7_919) % 21) - 10;
      return {
        key: `${server}-cpu`,
        value: JSON.stringify({ id, server, metric: "cpu", value: String(value), unit: "percent", sentAt: Date.now() }),
      };
    });
    await producer.send({ topic: "telemetry.raw", acks: -1, messages });
  }
  return id;
}

export async function measureChainLatency(input: TLatencyInput): Promise<string> {
  const { insertPipeline } = await import("../src/server/db/pipelines");
  const { writeDeployment } = await import("../src/server/db/pipeline-deployments");
  const { listMembers } = await import("../src/server/db/pipeline-runners");
  await input.createTopics(TOPICS, { "message.timestamp.type": "LogAppendTime" });
  const document = templateById("telemetry-anomalies").document("Bench latency");
  const pipeline = await insertPipeline(input.clusterId, document, "create", "bench");
  const runner = await startRunnerProcess();
  const deployment = await writeDeployment({
    pipelineId: pipeline.id,
    clusterId: input.clusterId,
    slug: "bench-latency",
    revision: 1,
    document,
    deployedBy: "bench",
  });
  // The template starts from the latest offset: produce only once both steps hold their partitions.
  for (;;) {
    const members = await listMembers(deployment.id);
    if (members.filter((member) => member.state === "running" && member.partitions.length > 0).length >= 2) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const chain = await latencyReader(input.client, "telemetry.anomalies", "bench-latency-chain");
  const kafkaAlone = await latencyReader(input.client, "telemetry.raw", "bench-latency-raw");
  const producer = input.client.producer();
  await producer.connect();
  try {
    const afterWarmUp = await produceSteadily(producer, WARM_UP_SECONDS, 0);
    const measuredFrom = Date.now();
    const started = performance.now();
    const lastId = await produceSteadily(producer, MEASURED_SECONDS, afterWarmUp);
    const achievedRate = (lastId - afterWarmUp) / ((performance.now() - started) / 1000);
    const expected = lastId - afterWarmUp;
    const measured = () => chain.samples.filter((sample) => sample.sentAt >= measuredFrom);
    const deadline = Date.now() + 120_000;
    while (measured().length < expected && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const latencies = measured().map((sample) => sample.latency);
    const floor = kafkaAlone.samples.filter((sample) => sample.sentAt >= measuredFrom).map((sample) => sample.latency);
    return [
      `Seeds' chain at ${Math.round(achievedRate).toLocaleString("en")} msg/s for ${MEASURED_SECONDS} s (aim ${RATE.toLocaleString("en")}), ${latencies.length.toLocaleString("en")} of ${expected.toLocaleString("en")} records out:`,
      `  end-to-end p50 ${quantile(latencies, 0.5)} ms, p99 ${quantile(latencies, 0.99)} ms, max ${quantile(latencies, 1)} ms`,
      `  Kafka alone (send → append in telemetry.raw): p50 ${quantile(floor, 0.5)} ms, p99 ${quantile(floor, 0.99)} ms`,
    ].join("\n");
  } finally {
    await producer.disconnect();
    await Promise.all([chain.stop(), kafkaAlone.stop()]);
    await runner.stop();
  }
}
