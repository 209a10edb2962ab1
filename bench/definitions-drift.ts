/**
 * Cluster-wide drift of 5,000 definitions against 5,000 topics: Tributary's `definitions.drift`
 * procedure (the definitions from PostgreSQL, one read of the cluster — metadata and the defined
 * topics' configs — and diffDefinition over all) against the plain `topics.list` call (page one) of
 * the same run, on the same fresh broker. Issue 12 asks for the ratio; there is no aim to meet.
 *   npm run bench -- definitions-drift [topics]
 */
import { createTopicsInBatches, startBenchServices } from "./bench-services";
import { describeSamples, quantile, time } from "./stats";

const TOPICS = Number(process.argv[3] ?? 5_000);
const RUNS = 9;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

console.log(`npm run bench -- definitions-drift ${TOPICS}`);
const setupStarted = performance.now();
const services = await startBenchServices("definitions-drift");
const admin = services.client.admin();
try {
  await admin.connect();
  const names = Array.from({ length: TOPICS }, (_, index) => `bench.drift-${String(index).padStart(5, "0")}`);
  let started = performance.now();
  await createTopicsInBatches(admin, names);
  console.log(`created ${TOPICS} topics in ${seconds(started)}`);

  const { createCaller } = await import("../src/server/api/root");
  const { LOCAL_OPERATOR } = await import("../src/server/auth/actor");
  const caller = createCaller({ actor: LOCAL_OPERATOR });
  const [cluster] = await caller.clusters.list();
  const clusterId = cluster!.id;

  // Every definition names two configs (so the drift reads configs, as real ones do); every tenth
  // asks for two partitions, so a tenth of the topics drift. Saved through definitions.importYaml,
  // one transaction per file of 1,000 (a file is capped at 1 MB).
  const { definitionsToYaml } = await import("../src/domain/definitions/definitions-yaml");
  started = performance.now();
  for (let offset = 0; offset < names.length; offset += 1_000) {
    const definitions = names.slice(offset, offset + 1_000).map((topicName, index) => ({
      topicName,
      layer: "raw" as const,
      owner: "bench",
      description: "",
      tags: [],
      keyDescription: "",
      partitions: (offset + index) % 10 === 0 ? 2 : 1,
      replicationFactor: 1,
      configs: { "retention.ms": "604800000", "cleanup.policy": "delete" },
      schemaFormat: null,
      compatibility: "backward" as const,
      produceValidation: "refuse" as const,
      schemaVersions: [],
    }));
    await caller.definitions.importYaml({ clusterId, yaml: definitionsToYaml({ definitions }) });
  }
  console.log(`saved ${TOPICS} definitions in ${seconds(started)}; setup ${seconds(setupStarted)}`);

  const listQuery = { clusterId, pageSize: 50 as const };
  // Warm both paths (connections, JIT) and check the drift is what was set up.
  await caller.topics.list(listQuery);
  const drifts = await caller.definitions.drift({ clusterId });
  const drifted = drifts.filter((drift) => drift.state !== "in-sync").length;
  console.log(`drift: ${drifts.length} definitions, ${drifted} not in sync (expected ${Math.ceil(TOPICS / 10)})`);

  const list = await time(RUNS, () => caller.topics.list(listQuery));
  const drift = await time(RUNS, () => caller.definitions.drift({ clusterId }));
  const base = quantile(list, 0.5);
  const ours = quantile(drift, 0.5);
  console.log(`topics.list page 1 (plain topic list):              ${describeSamples(list)}`);
  console.log(`definitions.drift, ${TOPICS} definitions (whole cluster): ${describeSamples(drift)}`);
  console.log(`ratio (median): ${(ours / base).toFixed(2)}×`);

  // Where the drift's time goes: the same three parts the procedure runs, timed one by one.
  const { listDefinitions } = await import("../src/server/db/topic-definitions");
  const { readLiveFor } = await import("../src/server/services/definitions/live-state");
  const { getCluster } = await import("../src/server/services/clusters/registered-clusters");
  const { diffDefinition } = await import("../src/domain/definitions/drift");
  const definitions = await listDefinitions(clusterId);
  const live = await readLiveFor(await getCluster(clusterId), definitions);
  const parts = {
    "definitions from PostgreSQL": await time(RUNS, () => listDefinitions(clusterId)),
    "live topics from Kafka (Metadata + DescribeConfigs)": await time(RUNS, async () =>
      readLiveFor(await getCluster(clusterId), definitions),
    ),
    "diffDefinition over all": await time(RUNS, async () =>
      definitions.map((definition) => diffDefinition(definition, live.topics.get(definition.topicName) ?? null)),
    ),
  };
  for (const [part, samples] of Object.entries(parts)) console.log(`  ${part}: ${describeSamples(samples)}`);
} finally {
  await admin.disconnect();
  await services.stop();
}
