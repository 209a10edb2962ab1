import { hostname } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { releaseLease, tryTakeLease } from "~/server/db/worker-leases";
import { nextPass, startWorker, stopWorker } from "~/server/workers/worker-registry";
import { callerAs } from "../../../../test/caller-as";

const suffix = Date.now().toString(36);
const mine = `test.workers-list.mine.${suffix}`;
const held = `test.workers-list.held.${suffix}`;
const elsewhere = `test.workers-list.elsewhere.${suffix}`;
const otherServer = "other-web:4242:abcdef";

afterAll(async () => {
  await Promise.all([stopWorker(mine), stopWorker(held)]);
  await Promise.all([releaseLease(held, otherServer), releaseLease(elsewhere, otherServer)]);
});

describe("workers.list", () => {
  it("lists this server's jobs, a job another server holds the lease of as standby here, and that server's other jobs", async () => {
    // Another web server holds these two leases (as its registry would, renewing them).
    expect(await tryTakeLease(held, otherServer, 60_000)).toBe(true);
    expect(await tryTakeLease(elsewhere, otherServer, 60_000)).toBe(true);
    const runOnce = () => Promise.resolve();
    startWorker({ name: mine, description: "ours alone", intervalMs: 60_000, scope: "one-server", runOnce });
    startWorker({ name: held, description: "held elsewhere", intervalMs: 60_000, scope: "one-server", runOnce });
    const firstPass = nextPass(mine);
    expect(await firstPass).toEqual({ ok: true });

    const rows = await callerAs("viewer").workers.list();
    const row = (name: string) => rows.find((candidate) => candidate.name === name);
    expect(row(mine)).toMatchObject({
      scope: "one-server",
      state: "waiting",
      processKind: "web",
      holder: `${hostname()}:${process.pid}`,
      passes: 1,
      lastError: null,
    });
    expect(row(held)).toMatchObject({ state: "standby", holder: "other-web:4242", passes: 0 });
    expect(row(elsewhere)).toMatchObject({ state: "standby", holder: "other-web:4242" });
  });
});
