import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, setClusterReadOnly, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { callerAs } from "../../test/caller-as";
import type { TDefinitionsRequest } from "./cli-args";
import { cliActor, EXIT_FAILED, EXIT_OK, EXIT_USAGE, runDefinitionsCommand } from "./definitions-cli";
import { NO_CHANGES, NOTHING_IT_CAN_DO } from "./plan-output";

const caller = callerAs("admin");
const prefix = `int-cli-${Date.now().toString(36)}`;
const clusterName = `${prefix}-cluster`;
const by = cliActor("vitest");
let cluster: TCluster;

/** The files the CLI reads and writes, in memory; what it prints, per run. */
const files = new Map<string, string>();

async function run(request: TDefinitionsRequest) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDefinitionsCommand(
    request,
    {
      out: (text) => out.push(text),
      err: (line) => err.push(line),
      readFile: async (path) => {
        const text = files.get(path);
        if (text === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
        return text;
      },
      writeFile: async (path, text) => void files.set(path, text),
    },
    { by },
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const plan = (file: string) => run({ command: "plan", file, cluster: clusterName });
const apply = (file: string) => run({ command: "apply", file, cluster: clusterName });

const STARTING_FILE = [
  "layer: results",
  "definitions:",
  `  - topicName: ${prefix}.scores`,
  "    owner: model team",
  "    description: |",
  "      Scores per stream: one message per window.",
  "    partitions: 2",
  "    replicationFactor: 1",
  "    configs:",
  "      retention.ms: 86400000",
  "      cleanup.policy: delete",
  `  - topicName: ${prefix}.alerts`,
  "    owner: model team",
  "    partitions: 1",
  "    replicationFactor: 1",
].join("\n");

beforeAll(async () => {
  cluster = await upsertClusterByName(clusterName, inject("kafkaBrokers"));
});

afterAll(async () => {
  const { items } = await caller.topics.list({ clusterId: cluster.id, search: prefix, pageSize: 100 });
  for (const topic of items) {
    await caller.topics.delete({ clusterId: cluster.id, name: topic.name, confirmation: topic.name });
  }
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("npm run tributary -- plan|apply|export", () => {
  it("applies a file to an empty cluster: saves the definitions, creates the topics, one audit row per step", async () => {
    files.set("start.yaml", STARTING_FILE);
    const first = await plan("start.yaml");
    expect(first.code).toBe(EXIT_OK);
    expect(first.out).toContain(`+ Create ${prefix}.scores with 2 partitions, replication factor 1 and 2 configs`);
    expect(first.out).toContain(`+ Create ${prefix}.alerts with 1 partition and replication factor 1`);

    const applied = await apply("start.yaml");
    expect(applied).toMatchObject({ code: EXIT_OK });
    expect(applied.out).toContain("Applied 2 steps.");
    const rows = await listAuditEvents({ clusterId: cluster.id, action: "topic.create", take: 10 });
    expect(rows.map((row) => [row.actorName, row.target, row.outcome]).sort()).toEqual([
      ["cli:vitest", `${prefix}.alerts`, "ok"],
      ["cli:vitest", `${prefix}.scores`, "ok"],
    ]);
    const saved = await caller.definitions.get({ clusterId: cluster.id, topicName: `${prefix}.scores` });
    expect(saved?.drift?.state).toBe("in-sync");
  });

  it("round trip: export, then plan the export, changes nothing", async () => {
    const exported = await run({ command: "export", cluster: clusterName, layer: null, out: "export.yaml" });
    expect(exported.code).toBe(EXIT_OK);
    const text = files.get("export.yaml") ?? "";
    expect(text).toContain(`topicName: ${prefix}.scores`);
    const planned = await plan("export.yaml");
    expect(planned.code).toBe(EXIT_OK);
    expect(planned.out).toContain(NO_CHANGES);
    expect(planned.out).toContain("0 steps.");
  });

  it("a retention edited in the YAML plans one alteration, applies it, and then plans nothing", async () => {
    const text = files.get("export.yaml") ?? "";
    expect(text).toContain('retention.ms: "86400000"');
    files.set("edited.yaml", text.replace('retention.ms: "86400000"', 'retention.ms: "3600000"'));

    const planned = await plan("edited.yaml");
    const steps = planned.out.split("\n").filter((line) => /^ {2}[+~] /.test(line));
    expect(steps).toEqual([`  ~ Set retention.ms of ${prefix}.scores: 86400000 (1 d) → 3600000 (1 h)`]);

    const applied = await apply("edited.yaml");
    expect(applied.code).toBe(EXIT_OK);
    expect(applied.out).toContain("[1/1] done");
    expect((await plan("edited.yaml")).out).toContain(NO_CHANGES);
    // The saved definition changed too: a fresh export holds the new retention.
    await run({ command: "export", cluster: clusterName, layer: "results", out: "again.yaml" });
    expect(files.get("again.yaml")).toContain('retention.ms: "3600000"');
  });

  it("prints the sentence of a change it refuses, and changes nothing", async () => {
    files.set("fewer.yaml", (files.get("edited.yaml") ?? "").replace("partitions: 2", "partitions: 1"));
    const planned = await plan("fewer.yaml");
    expect(planned.code).toBe(EXIT_OK);
    expect(planned.out).toContain(
      `! ${prefix}.scores partitions: Kafka never removes partitions: ${prefix}.scores has 2`,
    );
    expect(planned.out).toContain(NOTHING_IT_CAN_DO);
  });

  it("reports file errors with their line and exits 2, before touching anything", async () => {
    files.set("broken.yaml", STARTING_FILE.replace("owner: model team", 'owner: ""'));
    const result = await apply("broken.yaml");
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.err).toBe(
      "broken.yaml:4:definitions[0].owner: Name an owner: the team or person to ask about this topic.",
    );
    expect(await run({ command: "plan", file: "nowhere.yaml", cluster: clusterName })).toMatchObject({
      code: EXIT_USAGE,
      err: "Cannot read nowhere.yaml: there is no such file.",
    });
    expect((await run({ command: "plan", file: "start.yaml", cluster: "no-such-cluster" })).err).toMatch(
      /^There is no cluster named no-such-cluster in Tributary\./,
    );
  });

  it("exits 1 with the sentence when the cluster refuses changes", async () => {
    files.set("more.yaml", (files.get("edited.yaml") ?? "").replace("partitions: 2", "partitions: 4"));
    await setClusterReadOnly(cluster.id, true);
    try {
      const result = await apply("more.yaml");
      expect(result.code).toBe(EXIT_FAILED);
      expect(result.err).toMatch(/read-only/);
    } finally {
      await setClusterReadOnly(cluster.id, false);
    }
    const { partitions } = await caller.topics.describe({ clusterId: cluster.id, name: `${prefix}.scores` });
    expect(partitions).toHaveLength(2);
  });
});
