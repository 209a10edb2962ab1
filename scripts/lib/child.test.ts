import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { stopChild } from "./child";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A web server stand-in that ignores SIGTERM (busy with a request that never ends) and has a worker
 * of its own, as `next dev` does. It prints the worker's pid once both are running.
 */
function startStubbornServer() {
  const script = `
    process.on("SIGTERM", () => {});
    const { spawn } = require("node:child_process");
    const worker = spawn(process.execPath, ["-e", "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: "ignore" });
    worker.once("spawn", () => console.log(worker.pid));
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", script], { detached: true, stdio: ["ignore", "pipe", "inherit"] });
  const workerPid = once(child.stdout, "data").then(([data]) => Number(String(data).trim()));
  return { child, workerPid };
}

describe("stopChild", () => {
  it("kills a server that ignores SIGTERM, and its worker, once the grace period is over", async () => {
    const { child, workerPid } = startStubbornServer();
    const worker = await workerPid;
    expect(isAlive(worker)).toBe(true);
    await stopChild(child, 300, true);
    expect(child.signalCode).toBe("SIGKILL");
    // SIGKILL of the group is synchronous in the kernel; the worker is at most a zombie of its dead parent.
    await expect.poll(() => isAlive(worker)).toBe(false);
  });
});
