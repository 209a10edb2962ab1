import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { stepGroupId } from "~/domain/pipelines/runtime/naming";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import type { TDeploymentRow } from "~/server/db/pipeline-deployments";
import { listMembers, listRunners } from "~/server/db/pipeline-runners";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { deleteGroup } from "~/server/kafka/groups/offsets-admin";
import { chainDocument } from "../../../test/pipeline-fixtures";
import { createTopics, deleteTopics, deployNew, produce, readTopic } from "./runner.test-support";

/**
 * `npm run runner` as people start it: its own process (the same command line), with the
 * database and Kafka from the environment like the web server. SIGTERM stops it gracefully.
 */
const brokers = inject("kafkaBrokers");
const prefix = `int-runner-process-${Date.now().toString(36)}`;
const topics = { raw: `${prefix}-raw`, hot: `${prefix}-hot`, dead: `${prefix}-dead` };

let cluster: TCluster;
let deployment: TDeploymentRow;
let child: ChildProcess | null = null;
let output = "";

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  await createTopics(cluster, Object.values(topics), 2);
  const document = chainDocument(prefix, `${prefix} hot`);
  deployment = await deployNew(cluster, { ...document, settings: { ...document.settings, startFrom: "earliest" } });
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await deleteGroup(cluster, stepGroupId(deployment.slug, "keep-hot")).catch(() => undefined);
  await deleteTopics(cluster, Object.values(topics));
  await disconnectAllClusters();
  await deleteClusterRecord(cluster.id);
});

describe("npm run runner", () => {
  it("runs the deployed steps in its own process and, on SIGTERM, leaves its groups and marks itself stopped", async () => {
    await produce(
      cluster,
      topics.raw,
      [12, 95, 40, 99].map((value, index) => ({ key: `server-${index}-cpu`, value: JSON.stringify({ value }) })),
    );
    // The child inherits this process's environment: the test database and Kafka, as for the app.
    const started = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "apps/runner/src/main.ts"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child = started;
    started.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

    await expect.poll(() => output, { timeout: 45_000 }).toMatch(/Runner \S+ started\./);
    const runnerId = /Runner (\S+) started\./.exec(output)![1]!;
    await expect
      .poll(async () => (await readTopic(cluster, topics.hot)).map((r) => r.value).sort())
      .toEqual([JSON.stringify({ value: 95 }), JSON.stringify({ value: 99 })]);
    expect(output).toMatch(/Step keep-hot of .* runs revision 1 \(instance 0\): holds partitions 0, 1\./);
    // Member rows come with the runner's next heartbeat (every 2 s), possibly after the output.
    await expect
      .poll(async () => (await listMembers(deployment.id)).map((member) => member.runnerId))
      .toEqual([runnerId]);

    started.kill("SIGTERM");
    const [code] = (await once(started, "exit")) as [number | null];
    expect(code).toBe(0);
    const runner = (await listRunners()).find((candidate) => candidate.id === runnerId);
    expect(runner?.stoppedAt).toBeInstanceOf(Date);
    expect(await listMembers(deployment.id)).toEqual([]);
    expect(output).toMatch(/Runner \S+ stopped\./);
  });
});
