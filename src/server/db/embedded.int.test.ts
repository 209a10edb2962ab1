import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import { waitForExit } from "./stale-postmaster";

// Inside the repository's git-ignored .data: PostgreSQL runs as the `postgres` user when we are
// root, and it must be able to reach its folder (a 0700 mkdtemp folder under /tmp would not do).
const dataDir = path.resolve(".data", "test", `embedded-${randomBytes(4).toString("hex")}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}.initdb-tmp`, { recursive: true, force: true });
  });

  it("keeps its data across restarts, and starts again after the server was killed", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    expect(first.databaseUrl).toMatch(new RegExp(`^postgresql://postgres:[^@]+@127\\.0\\.0\\.1:${port}/tributary$`));
    await withClient(first.databaseUrl, async (client) => {
      await client.query("CREATE TABLE probe (note text)");
      await client.query("INSERT INTO probe VALUES ('written before the restart')");
    });
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port });
    expect(await withClient(second.databaseUrl, (client) => client.query("SELECT note FROM probe"))).toMatchObject({
      rows: [{ note: "written before the restart" }],
    });
    // kill -9 the postmaster: postmaster.pid stays behind, as after a power cut or an OOM kill.
    const pid = Number.parseInt(
      (await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0] ?? "",
      10,
    );
    process.kill(pid, "SIGKILL");
    expect(await waitForExit([pid], 10_000)).toBe(true);
    await second.stop();

    const third = await startEmbeddedPostgres({ dataDir, port });
    const notes = await withClient(third.databaseUrl, (client) => client.query("SELECT count(*)::int AS n FROM probe"));
    expect(notes.rows).toEqual([{ n: 1 }]);
    await third.stop();
  });

  it("names the port and the variable to change when the port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      await expect(startEmbeddedPostgres({ dataDir: `${dataDir}-port`, port })).rejects.toThrow(
        `Port ${port} is already in use, so the embedded PostgreSQL cannot start — stop whatever listens there or set EMBEDDED_POSTGRES_PORT to a free port.`,
      );
    } finally {
      blocker.close();
    }
  });
});
