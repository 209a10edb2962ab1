import { describe, expect, it } from "vitest";
import { startWorker, stopWorker, workerStatuses } from "./worker-registry";

describe("worker registry", () => {
  it("runs passes until stopped, keeps one loop per name, and reports a failed pass", async () => {
    let passes = 0;
    let errorSeenBySecondPass: string | null | undefined;
    let secondPass!: () => void;
    const reachedSecond = new Promise<void>((resolve) => (secondPass = resolve));
    const spec = {
      name: `test.worker.${Date.now()}`,
      description: "counts passes",
      intervalMs: 1,
      maxBackoffMs: 2,
      runOnce: async () => {
        passes += 1;
        if (passes === 2) {
          errorSeenBySecondPass = workerStatuses().find((worker) => worker.name === spec.name)?.lastError;
          secondPass();
        }
        if (passes === 1) throw new Error("first pass fails");
      },
    };
    expect(startWorker(spec)).toBe(true);
    expect(startWorker(spec)).toBe(false);
    await reachedSecond;
    expect(errorSeenBySecondPass).toBe("first pass fails");
    await stopWorker(spec.name);
    expect(workerStatuses().some((worker) => worker.name === spec.name)).toBe(false);
  });
});
