/**
 * Topic list with 5,000 topics: Tributary's `topic.list` procedure for page one (through the real
 * router, service, Kafka layer and database) against a plain kafkajs `listTopics` +
 * `fetchTopicMetadata` of the same page, in the same run, on the same fresh broker.
 * Aim (issue 3): at most 1.2× the plain call + 200 ms, and the list's first paint under 1.5 s.
 */
import { createTopicsInBatches, startBenchServices } from "./bench-services";
import { describeFirstPaint, measureTopicListFirstPaint } from "./first-paint";
import { describeSamples, quantile, time } from "./stats";

const TOPICS = Number(process.argv[3] ?? 5_000);
const RUNS = 15;

const { kafka, database, client, stop } = await startBenchServices("topic-list");
const admin = client.admin();
try {
  await admin.connect();
  const names = Array.from({ length: TOPICS }, (_, index) => `bench-${String(index).padStart(5, "0")}`);
  const started = performance.now();
  await createTopicsInBatches(admin, names);
  console.log(`created ${TOPICS} topics in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { createCaller } = await import("../src/server/api/root");
  const { LOCAL_OPERATOR } = await import("../src/server/auth/actor");
  const caller = createCaller({ actor: LOCAL_OPERATOR });
  const [cluster] = await caller.clusters.list();
  const query = { clusterId: cluster!.id, pageSize: 50 as const };
  const firstPage = names.slice(0, 50);

  // Warm both paths (connections, JIT) before timing.
  await caller.topics.list(query);
  await admin.listTopics().then(() => admin.fetchTopicMetadata({ topics: firstPage }));

  const baseline = await time(RUNS, async () => {
    const all = await admin.listTopics();
    const page = all
      .filter((name) => !name.startsWith("__"))
      .sort()
      .slice(0, 50);
    await admin.fetchTopicMetadata({ topics: page });
  });
  const tributary = await time(RUNS, () => caller.topics.list(query));

  const base = quantile(baseline, 0.5);
  const ours = quantile(tributary, 0.5);
  console.log(`plain kafkajs listTopics + fetchTopicMetadata(page): ${describeSamples(baseline)}`);
  console.log(`Tributary topic.list page 1 (+ offsets, configs):   ${describeSamples(tributary)}`);
  console.log(
    `ratio (median): ${(ours / base).toFixed(2)}×; aim ≤ 1.2× + 200 ms = ${(1.2 * base + 200).toFixed(1)} ms → ${ours <= 1.2 * base + 200 ? "met" : "NOT met"}`,
  );

  const { createSignedInAccount } = await import("../src/server/auth/test-accounts");
  const { cookie } = await createSignedInAccount("viewer");
  const paints = await measureTopicListFirstPaint({
    cookie,
    databaseUrl: database.databaseUrl,
    kafkaBrokers: kafka.bootstrapServers,
    clusterId: cluster!.id,
    runs: 5,
  });
  console.log(
    `topic list first paint (first row on screen): ${describeFirstPaint(paints)}; aim < 1,500 ms → ${quantile(paints, 0.5) < 1_500 ? "met" : "NOT met"}`,
  );
} finally {
  await admin.disconnect();
  await stop();
}
