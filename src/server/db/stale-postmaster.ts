import "server-only";
import { readFileSync } from "node:fs";
import { readdir, readFile, readlink, realpath, rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const GRACEFUL_SHUTDOWN_MS = 15_000;
const POLL_MS = 100;

/**
 * Makes a data folder startable after an unclean exit. Two cases matter:
 *  - Node was killed and its PostgreSQL kept running (orphaned): shut that server down cleanly,
 *    since we no longer hold a handle to stop it and it occupies the port.
 *  - PostgreSQL itself was killed: its postmaster.pid stays behind, and in containers the PID it
 *    names is often reused by an unrelated process, which makes PostgreSQL refuse to start
 *    ("lock file already exists"); orphaned backends may also still hold its shared memory.
 * PostgreSQL processes chdir into their data folder, so /proc/<pid>/cwd tells which are ours.
 * Returns what it did, for logs.
 */
export async function clearStalePostmaster(dataDir: string): Promise<string | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const recordedPid = await readRecordedPid(pidFile);
  const running = await processesWorkingIn(dataDir);
  if (recordedPid === null && running.length === 0) return null;

  let note = "removed a stale postmaster.pid";
  if (running.length > 0) {
    // SIGINT is PostgreSQL's "fast shutdown": roll back sessions, checkpoint, exit.
    if (recordedPid !== null && running.includes(recordedPid)) signal(recordedPid, "SIGINT");
    if (!(await waitForExit(running, GRACEFUL_SHUTDOWN_MS))) {
      for (const pid of running) signal(pid, "SIGKILL");
      await waitForExit(running, 5_000);
    }
    note = `stopped PostgreSQL processes left running by an earlier run (${running.join(", ")})`;
  }
  // A clean shutdown removes the file itself; after a kill it is stale and only in the way.
  await rm(pidFile, { force: true });
  return note;
}

/** The postmaster PID recorded in a data folder's postmaster.pid (0 if unreadable), or null without one. */
export async function readRecordedPid(pidFile: string): Promise<number | null> {
  try {
    const firstLine = (await readFile(pidFile, "utf8")).split("\n")[0] ?? "";
    const pid = Number.parseInt(firstLine, 10);
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch {
    return null;
  }
}

/** PIDs (other than ours) whose working directory is `dir`; empty where /proc does not exist. */
async function processesWorkingIn(dir: string): Promise<number[]> {
  let target: string;
  let entries: string[];
  try {
    target = await realpath(dir);
    entries = await readdir("/proc");
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if ((await readlink(`/proc/${pid}/cwd`)) === target) pids.push(pid);
    } catch {
      // Gone already, or not ours to inspect.
    }
  }
  return pids;
}

/** Resolves true once none of `pids` is running, false if some still are after `timeoutMs`. */
export async function waitForExit(pids: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!pids.some(isAlive)) return true;
    await sleep(POLL_MS);
  }
  return !pids.some(isAlive);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie (exited, not yet reaped — common under a container's minimal init) counts as gone.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
