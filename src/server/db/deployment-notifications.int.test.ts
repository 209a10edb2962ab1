import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEPLOYMENTS_CHANNEL } from "~/domain/pipelines/runtime/naming";
import { listenForDeployments, type TDeploymentNotifications } from "./deployment-notifications";
import { notifyDeployments } from "./pipeline-deployments";

/** The runner's LISTEN connection: notifications arrive, and a connection the server drops comes back. */
const listeners: TDeploymentNotifications[] = [];

afterAll(async () => {
  for (const listener of listeners) await listener.stop();
});

async function listenerBackends(): Promise<number[]> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1",
      [`LISTEN ${DEPLOYMENTS_CHANNEL}`],
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

describe("listenForDeployments", () => {
  it("hears each deploy's notification, and after the server drops the connection listens again", async () => {
    const heard: (string | null)[] = [];
    const said: string[] = [];
    const listener = listenForDeployments((id) => heard.push(id), { onStatus: (sentence) => said.push(sentence) });
    listeners.push(listener);

    await expect.poll(listenerBackends).toHaveLength(1);
    await notifyDeployments("deployment-a");
    await expect.poll(() => heard).toEqual(["deployment-a"]);

    // What a database restart does to the connection.
    const [backend] = await listenerBackends();
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [backend]);
    await admin.end();

    await expect.poll(() => said[0] ?? "").toMatch(/^Lost the connection to PostgreSQL at .* reconnecting/);
    // Back: null says "notifications may have been missed, read everything again".
    await expect.poll(() => heard).toEqual(["deployment-a", null]);
    expect(said[1]).toMatch(/^Listening for deployments on PostgreSQL at .* again\.$/);
    await notifyDeployments("deployment-b");
    await expect.poll(() => heard).toEqual(["deployment-a", null, "deployment-b"]);

    await listener.stop();
    await expect.poll(listenerBackends).toEqual([]);
  });
});
