import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readKafkaStatus, startKafka } from "./cluster";
import { findFreeBasePort } from "./ports";
import { aliveBrokerIds } from "./probe";
import { isRunning } from "./processes";
import { pollUntil } from "./wait";

const HOST = "127.0.0.1";

/** Pids of every process whose command line mentions `dataDir` (our brokers pass their properties file). */
async function processesUsing(dataDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (commandLine.includes(dataDir)) pids.push(Number(entry));
  }
  return pids;
}

async function withDataDir(run: (dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), "kafka-local-int-"));
  try {
    await run(dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe("a local 3-broker Kafka", () => {
  it("forms one cluster, loses and regains a broker, and leaves no JVM behind", async () => {
    await withDataDir(async (dataDir) => {
      const basePort = await findFreeBasePort(3);
      const kafka = await startKafka({ brokers: 3, dataDir, basePort, clean: true });
      const startedPids = kafka.brokers.map((broker) => broker.pid);
      try {
        expect(kafka.bootstrapServers).toBe(`${HOST}:${basePort},${HOST}:${basePort + 2},${HOST}:${basePort + 4}`);
        expect(await aliveBrokerIds(HOST, basePort)).toEqual([1, 2, 3]);
        const status = await readKafkaStatus(dataDir);
        expect(status).toMatchObject({ running: true, bootstrapServers: kafka.bootstrapServers });
        expect(status.brokers.map((broker) => broker.nodeId)).toEqual([1, 2, 3]);
        await expect(startKafka({ brokers: 3, dataDir, basePort })).rejects.toThrow(/is already running \(pid \d+\)/);

        const stoppedPid = startedPids[2]!;
        await kafka.stopBroker(3);
        expect(await isRunning(stoppedPid)).toBe(false);
        expect(kafka.brokers.map((broker) => broker.nodeId)).toEqual([1, 2]);
        // The controller drops the broker from metadata once its controlled shutdown completes.
        const seen = await pollUntil(
          async () => {
            const ids = await aliveBrokerIds(HOST, basePort);
            return ids.length === 2 ? ids : undefined;
          },
          { timeoutMs: 30_000 },
        );
        expect(seen).toEqual([1, 2]);
        expect((await readKafkaStatus(dataDir)).brokers.map((broker) => broker.nodeId)).toEqual([1, 2]);

        await kafka.startBroker(3);
        const restarted = kafka.brokers.find((broker) => broker.nodeId === 3);
        expect(restarted?.pid).toBeGreaterThan(0);
        startedPids.push(restarted!.pid);
        expect(await aliveBrokerIds(HOST, basePort + 4)).toEqual([1, 2, 3]);
      } finally {
        await kafka.stop();
      }
      for (const pid of startedPids) expect(await isRunning(pid)).toBe(false);
      expect(await processesUsing(dataDir)).toEqual([]);
      await expect(readKafkaStatus(dataDir)).resolves.toEqual({ running: false, brokers: [] });
    });
  }, 240_000);

  it("stops the brokers it already started when another one fails to start, and says why", async () => {
    await withDataDir(async (dataDir) => {
      // Node 2's storage is unreadable, so its JVM exits during start-up while nodes 1 and 3 run.
      await mkdir(join(dataDir, "node-2"), { recursive: true });
      await writeFile(join(dataDir, "node-2", "meta.properties"), "version=99\n");
      const basePort = await findFreeBasePort(3);

      await expect(startKafka({ brokers: 3, dataDir, basePort })).rejects.toThrow(
        /Kafka node 2 exited with code \d+ during start-up; last lines of .*broker-2\.log: /,
      );
      expect(await processesUsing(dataDir)).toEqual([]);
      await expect(readKafkaStatus(dataDir)).resolves.toEqual({ running: false, brokers: [] });
    });
  }, 120_000);
});
