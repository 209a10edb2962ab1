import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readKafkaStatus, startKafka, stopKafkaFromState } from "./cluster";
import { findFreeBasePort } from "./ports";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function temporaryDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kafka-local-unit-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe("startKafka before any JVM starts", () => {
  it("names the busy port and how to choose another one", async () => {
    const basePort = await findFreeBasePort(3);
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(basePort + 3, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));

    await expect(startKafka({ brokers: 3, basePort, dataDir: await temporaryDataDir() })).rejects.toThrow(
      `Port ${basePort + 3} is already in use — stop what uses it or run with --base-port`,
    );
  });

  it("rejects a base port whose range does not fit", async () => {
    await expect(startKafka({ basePort: 80, dataDir: await temporaryDataDir() })).rejects.toThrow(
      /Base port 80 is not usable/,
    );
  });
});

describe("status of a data dir without a running Kafka", () => {
  it("reports not running and stops nothing", async () => {
    const dataDir = await temporaryDataDir();
    await expect(readKafkaStatus(dataDir)).resolves.toEqual({ running: false, brokers: [] });
    await expect(stopKafkaFromState(dataDir)).resolves.toBe(false);
  });
});
