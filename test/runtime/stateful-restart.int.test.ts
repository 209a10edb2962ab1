import { afterAll, describe, expect, inject, it } from "vitest";
import { setDesiredState } from "~/server/db/pipeline-deployments";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { FaultRig } from "./fault-rig";
import { sensorRecords } from "./input-records";
import type { TOutputCollector } from "./output-collector";
import { statefulDocument } from "./runtime-documents";

/**
 * Per-key state (a rolling z-score, tumbling windows) lives in each step's compacted changelog
 * topic. A runner SIGKILLed half-way and started again restores it from there, so its results
 * equal those of a run that was never interrupted (exactly-once, event time increasing per key).
 */
const brokers = inject("kafkaBrokers");
const COUNT = 30_000;
const PARTITIONS = 4;
const prefix = `rt-state-${Date.now().toString(36)}`;

afterAll(async () => {
  await disconnectAllClusters();
});

/** Key and value of every record, sorted: the results, whatever order partitions were read in. */
const results = (reader: TOutputCollector) =>
  reader.records.map((record) => `${record.key ?? ""} ${record.value ?? ""}`).sort((a, b) => a.localeCompare(b));

describe("stateful steps across a runner crash", () => {
  it("gives the same z-scores and windows after a SIGKILL and restart as an uninterrupted run", async () => {
    await FaultRig.run(prefix, brokers, async (rig) => {
      const input = sensorRecords(COUNT, { streams: 8, startMs: Date.now() - COUNT * 25, stepMs: 25 });
      const runs = ["calm", "crash"].map((run) => `${prefix}-${run}`);
      for (const run of runs) {
        await rig.createTopics([`${run}-raw`, `${run}-scores`, `${run}-windows`, `${run}-dead`], {
          partitions: PARTITIONS,
        });
        await rig.produce(`${run}-raw`, input);
      }
      const [calm, crash] = runs as [string, string];

      // The reference: one runner, never interrupted; stopped once done so the next runner leaves it alone.
      const calmScores = await rig.collect(`${calm}-scores`, { keep: true });
      const calmWindows = await rig.collect(`${calm}-windows`, { keep: true });
      const first = await rig.startRunner();
      const calmDeployed = await rig.deploy(statefulDocument(calm, calm));
      await rig.settled(calmDeployed, [calmScores, calmWindows]);
      await setDesiredState(calmDeployed.pipelineId, "stopped");
      await first.stop();

      const crashScores = await rig.collect(`${crash}-scores`, { keep: true });
      const crashWindows = await rig.collect(`${crash}-windows`, { keep: true });
      const victim = await rig.startRunner();
      const crashDeployed = await rig.deploy(statefulDocument(crash, crash));
      await expect.poll(() => crashScores.ids.received, { timeout: 300_000, interval: 20 }).toBeGreaterThan(COUNT / 3);
      await victim.kill();
      const scoredAtKill = crashScores.ids.distinct;
      await rig.startRunner();
      await rig.settled(crashDeployed, [crashScores, crashWindows]);

      expect(calmScores.records).toHaveLength(COUNT);
      // Windows did close (records pass window ends), and anomalies were flagged: the comparison compares something.
      expect(calmWindows.records.length).toBeGreaterThan(COUNT / 10);
      expect(calmScores.records.some((record) => record.value?.includes('"anomaly":true'))).toBe(true);
      expect(results(crashScores)).toEqual(results(calmScores));
      expect(results(crashWindows)).toEqual(results(calmWindows));
      // The kill came while records were still on their way (else this test would prove nothing).
      expect(scoredAtKill).toBeLessThan(COUNT);
    });
  }, 600_000);
});
