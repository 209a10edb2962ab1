import { describe, expect, it } from "vitest";
import type { TWorkerStatus } from "~/server/workers/worker-registry";
import { runnerWorkerRows, webWorkerRows, type TRunnerMemberRow } from "./worker-rows";

const now = 1_000_000;
const self = { holderId: "web-a:10:aaaaaa" };
const status = (
  name: string,
  scope: TWorkerStatus["scope"],
  state: TWorkerStatus["state"] = "waiting",
): TWorkerStatus => ({
  name,
  description: name,
  scope,
  state,
  passes: 3,
  lastPassAt: new Date(now - 1_000),
  lastError: null,
});
const lease = (name: string, holder: string, expiresIn = 5_000) => ({
  name,
  holder,
  expiresAt: new Date(now + expiresIn),
});

describe("webWorkerRows", () => {
  it("shows a one-server job whose lease another server holds as standby, naming that server", () => {
    const rows = webWorkerRows(
      [status("groups.rebalance-sweep", "one-server"), status("audit.retention", "one-server")],
      [lease("groups.rebalance-sweep", "web-b:20:bbbbbb"), lease("audit.retention", self.holderId)],
      self,
      now,
    );
    expect(rows.map((row) => [row.name, row.state, row.holder])).toEqual([
      ["groups.rebalance-sweep", "standby", "web-b:20"],
      ["audit.retention", "waiting", "web-a:10"],
    ]);
  });

  it("lists the other servers' jobs this server does not run, and ignores expired leases", () => {
    const rows = webWorkerRows(
      [],
      [lease("groups.lag-sampler.c2", "web-b:20:bbbbbb"), lease("groups.lag-sampler.c3", "web-c:30:cccccc", -1)],
      self,
      now,
    );
    expect(rows).toEqual([
      expect.objectContaining({ name: "groups.lag-sampler.c2", state: "standby", holder: "web-b:20" }),
    ]);
  });

  it("keeps every-server work on this server whatever the leases say", () => {
    const [row] = webWorkerRows(
      [status("live.tail", "every-server", "running")],
      [lease("live.tail", "web-b:20:b")],
      self,
      now,
    );
    expect(row).toMatchObject({ state: "running", holder: "web-a:10", processKind: "web" });
  });
});

describe("runnerWorkerRows", () => {
  const member = (overrides: Partial<TRunnerMemberRow> = {}): TRunnerMemberRow => ({
    runner: { id: "r1", host: "box", pid: 42, heartbeatAt: new Date(now - 1_000), stoppedAt: null },
    slug: "telemetry",
    nodeId: "clean",
    instance: 0,
    state: "running",
    reason: null,
    partitions: [0, 2],
    consumed: 10,
    produced: 9,
    deadLettered: 1,
    updatedAt: new Date(now - 1_000),
    ...overrides,
  });

  it("names each member by pipeline, step and instance, with its runner as holder", () => {
    const [row] = runnerWorkerRows([member()], now);
    expect(row).toMatchObject({
      name: "pipeline telemetry step clean #0",
      state: "running",
      processKind: "runner",
      holder: "box:42",
      passes: 10,
      lastError: null,
    });
    expect(row!.description).toContain("tributary.telemetry.clean with partitions 0, 2");
  });

  it("marks an idle member, a failed one with its reason, and the members of a runner that is gone", () => {
    const [idle, failed, gone] = runnerWorkerRows(
      [
        member({ partitions: [] }),
        member({ state: "failed", reason: "The output topic is missing." }),
        member({ runner: { id: "r2", host: "box", pid: 43, heartbeatAt: new Date(now - 60_000), stoppedAt: null } }),
      ],
      now,
    );
    expect(idle!.description).toContain("no partitions (idle)");
    expect(failed).toMatchObject({ state: "stopped", lastError: "The output topic is missing." });
    expect(gone).toMatchObject({ state: "stopped", lastError: expect.stringContaining("the runner is gone") });
  });
});
