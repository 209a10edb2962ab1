import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { isPortFree } from "../apps/kafka-local/src/ports";

/**
 * `npm run dev` as a process manager runs it: in a process group of its own, stopped by a signal to
 * the npm process alone. Everything it started must be gone by the time npm exits, and its port free.
 * (`dev` rather than `start`: the same runner without a production build, so the test stays fast.)
 */
type Run = { npm: ChildProcess; output: () => string; port: number; dataDir: string };
const runs: Run[] = [];

async function freePort(): Promise<number> {
  for (let port = 3400; port < 3500; port += 1) if (await isPortFree(port)) return port;
  throw new Error("no free port between 3400 and 3500");
}

async function startApp(): Promise<Run> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "tributary-stop-"));
  const npm = spawn("npm", ["run", "dev"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      KAFKA_BROKERS: inject("kafkaBrokers"),
      KAFKA_LOCAL: "never",
      DEMO_DATA: "off",
      PORT: String(port),
      TRIBUTARY_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let text = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (data: Buffer) => {
      text += String(data);
      if (text.includes("Ready at")) resolve();
    };
    npm.stdout!.on("data", onData);
    npm.stderr!.on("data", onData);
    npm.once("exit", () => reject(new Error(`npm run dev exited before it was ready:\n${text}`)));
  });
  const run = { npm, output: () => text, port, dataDir };
  runs.push(run);
  await ready;
  return run;
}

/** Every process below `root`, read from /proc (the tree a process manager would have to clean up). */
async function descendants(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (stat) parents.set(Number(entry), ppid);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parents) {
      if (ppid === parent) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  return stat !== null && stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}

afterEach(async () => {
  for (const run of runs.splice(0)) {
    // A failed test leaves the tree running; the web server has a process group of its own.
    for (const pid of [...(await descendants(run.npm.pid!)), run.npm.pid!]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone, as it should be
      }
    }
    await rm(run.dataDir, { recursive: true, force: true });
  }
});

describe("stopping npm run dev with a signal to the npm process alone", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`stops the web server and frees its port on ${signal}`, async () => {
      const run = await startApp();
      const tree = await descendants(run.npm.pid!);
      expect(tree.length).toBeGreaterThan(0);
      const exited = once(run.npm, "exit");
      run.npm.kill(signal);
      await exited;
      const survivors = [];
      for (const pid of tree) if (await isRunning(pid)) survivors.push(pid);
      expect(survivors).toEqual([]);
      expect(await isPortFree(run.port)).toBe(true);
      expect(run.output()).toContain(`Listening on 127.0.0.1:${run.port} only`);
      expect(run.output()).not.toContain("MaxListenersExceededWarning");
    }, 240_000);
  }
});
