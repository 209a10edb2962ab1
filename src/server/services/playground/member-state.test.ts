import { describe, expect, it } from "vitest";
import { applyExit, applyReport, isRunning, newMember } from "./member-state";

const started = newMember(2, "tributary-demo-2", 4242, 1_000);
const assignment = [{ topic: "orders", partitions: [0, 2] }];
const joined = applyReport(started, { type: "joined", memberId: "tributary-demo-2-abc", assignment });

describe("demo member state", () => {
  it("starts, then joins with its member id and partitions, then learns its generation", () => {
    expect(started.status).toBe("starting");
    expect(joined).toMatchObject({ status: "joined", memberId: "tributary-demo-2-abc", assignment });
    expect(applyReport(joined, { type: "generation", generationId: 7 }).generationId).toBe(7);
  });

  it("takes the newest assignment after a rebalance, including none (idle)", () => {
    const idle = applyReport(joined, { type: "joined", memberId: "tributary-demo-2-abc", assignment: [] });
    expect(idle.assignment).toEqual([]);
    expect(idle.status).toBe("joined");
  });

  it("stays leaving when a rebalance lands while it leaves", () => {
    const leaving = { ...joined, status: "leaving" as const };
    expect(applyReport(leaving, { type: "joined", memberId: "m", assignment }).status).toBe("leaving");
  });

  it("has left after a graceful leave that exited cleanly", () => {
    const left = applyExit({ ...joined, status: "leaving" }, "leave", { code: 0, signal: null }, 5_000);
    expect(left).toMatchObject({ status: "left", endedAt: 5_000, assignment: [], problem: null });
    expect(isRunning(left)).toBe(false);
  });

  it("is killed (not crashed) when the server SIGKILLed it", () => {
    expect(applyExit(joined, "kill", { code: null, signal: "SIGKILL" }, 5_000).status).toBe("killed");
  });

  it("has crashed, with its own sentence, when it ended unasked", () => {
    const reported = applyReport(joined, { type: "crashed", message: "The group coordinator is not available" });
    expect(applyExit(reported, "run", { code: 1, signal: null }, 5_000)).toMatchObject({
      status: "crashed",
      problem: "The group coordinator is not available",
    });
    expect(applyExit(joined, "run", { code: null, signal: "SIGTERM" }, 5_000).problem).toBe(
      "Its process was ended by SIGTERM without being asked to.",
    );
  });

  it("says so when a leave hung and the process had to be killed", () => {
    const hung = applyExit({ ...joined, status: "leaving" }, "leave", { code: null, signal: "SIGKILL" }, 5_000);
    expect(hung).toMatchObject({
      status: "crashed",
      problem: "It did not leave the group in time, so its process was killed.",
    });
  });

  it("ignores reports after the member ended", () => {
    const killed = applyExit(joined, "kill", { code: null, signal: "SIGKILL" }, 5_000);
    expect(applyReport(killed, { type: "joined", memberId: "x", assignment })).toBe(killed);
  });
});
