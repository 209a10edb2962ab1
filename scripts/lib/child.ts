import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/** The local binary of an installed package (next, vitest, playwright, …). */
export function bin(name: string): string {
  return new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.once("error", () => resolve(127));
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Signals a child and every process it started. Children spawned with `detached: true` lead their
 * own process group, so `next dev`'s worker goes down with it; otherwise only the child is signalled.
 */
export function signalTree(child: ChildProcess, signal: NodeJS.Signals, isGroupLeader: boolean): void {
  if (child.pid === undefined) return;
  try {
    if (isGroupLeader) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // already gone
  }
}

/**
 * Stops a long-running child: SIGTERM, then SIGKILL if it has not exited within `graceMs` — a web
 * server busy with a request that never ends would otherwise hold its port for as long as it likes.
 */
export function stopChild(child: ChildProcess, graceMs = 10_000, isGroupLeader = false): Promise<void> {
  const hasExited = child.exitCode !== null || child.signalCode !== null;
  if (hasExited) {
    // The leader is gone but a worker it started may not be.
    if (isGroupLeader) signalTree(child, "SIGKILL", true);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalTree(child, "SIGKILL", isGroupLeader), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      if (isGroupLeader) signalTree(child, "SIGKILL", true);
      resolve();
    });
    signalTree(child, "SIGTERM", isGroupLeader);
  });
}

/** Resolves once `url` answers with any HTTP status, or rejects when `child` exits first. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The web server exited before answering at ${url}; see its output above.`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      // Not listening yet; the server gives no event to await, so poll briefly.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`The web server did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s.`);
}
