import { describe, expect, it } from "vitest";
import { registerResident, startWorker, stopWorker, workerStatuses } from "./worker-registry";

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

describe("resident work", () => {
  it("is listed while it runs, counts its passes with the last error, and is stopped through the registry", async () => {
    const name = `test.resident.${Date.now()}`;
    let stopped = 0;
    const handle = registerResident({ name, description: "a live source", stop: () => void (stopped += 1) });
    handle.recordPass();
    handle.recordPass(new Error("Kafka does not answer."));
    expect(workerStatuses().find((worker) => worker.name === name)).toMatchObject({
      scope: "every-server",
      state: "running",
      passes: 2,
      lastError: "Kafka does not answer.",
    });
    await stopWorker(name);
    expect(stopped).toBe(1);
    expect(workerStatuses().some((worker) => worker.name === name)).toBe(false);
  });

  it("leaves the list when it ends by itself", () => {
    const name = `test.resident.ends.${Date.now()}`;
    registerResident({ name, description: "a tail", stop: () => undefined }).end();
    expect(workerStatuses().some((worker) => worker.name === name)).toBe(false);
  });
});
