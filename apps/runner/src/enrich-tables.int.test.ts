import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { getCluster } from "~/server/services/clusters/registered-clusters";
import { enrichTables } from "./enrich-tables";
import { createTopics, deleteTopics, produce } from "./runner.test-support";

/** Enrich's table in the runner: read in full when first needed, then kept current as the topic changes. */
const brokers = inject("kafkaBrokers");
const prefix = `int-runner-tables-${Date.now().toString(36)}`;
const table = `${prefix}-servers`;
let cluster: TCluster;

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  await createTopics(cluster, [table], 2);
});

afterAll(async () => {
  await deleteTopics(cluster, [table]);
  await disconnectAllClusters();
  await deleteClusterRecord(cluster.id);
});

describe("enrich tables", () => {
  it("holds the latest value per key and picks up later updates", async () => {
    await produce(cluster, table, [
      { key: "server-1", value: JSON.stringify({ rack: "a" }) },
      { key: "server-2", value: JSON.stringify({ rack: "b" }) },
      { key: "server-1", value: JSON.stringify({ rack: "c" }) },
    ]);
    const tables = enrichTables(() => undefined);
    try {
      await tables.acquire(await getCluster(cluster.id), table);
      expect(Object.fromEntries(tables.current(cluster.id, table))).toEqual({
        "server-1": { rack: "c" },
        "server-2": { rack: "b" },
      });

      await produce(cluster, table, [{ key: "server-3", value: JSON.stringify({ rack: "d" }) }]);
      await expect.poll(() => tables.current(cluster.id, table).get("server-3")).toEqual({ rack: "d" });

      tables.release(cluster.id, table);
      expect(tables.current(cluster.id, table).size).toBe(0);
    } finally {
      tables.close();
    }
  });
});
