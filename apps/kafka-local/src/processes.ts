import { readFile } from "node:fs/promises";
import { pollUntil, settlesWithin } from "./wait";

/** How long a broker gets for a controlled shutdown before it is killed. */
export const GRACEFUL_STOP_MS = 20_000;

/**
 * True while `pid` exists and is not a zombie. A detached broker whose CLI has exited is reparented
 * to PID 1, which in some containers never reaps it, so "exists" alone would wait forever.
 */
export async function isRunning(pid: number): Promise<boolean> {
  if (!signalZero(pid)) return false;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return (await procAvailable()) ? false : true;
  }
}

function signalZero(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * True when `pid` is a Kafka JVM started with `propertiesFile`, so that a pid reused by the OS after
 * a reboot is never signalled. Where /proc is missing (macOS) a live pid is trusted.
 */
export async function isKafkaBroker(pid: number, propertiesFile: string): Promise<boolean> {
  let commandLine: string;
  try {
    commandLine = await readFile(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return (await procAvailable()) ? false : signalZero(pid);
  }
  const args = commandLine.split("\0");
  return args.includes("kafka.Kafka") && args.includes(propertiesFile);
}

/**
 * Sends a signal to the process group led by `pid` (detached brokers lead their own group),
 * falling back to the process itself (attached brokers share ours). Already gone is not an error.
 */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  for (const target of process.platform === "win32" ? [pid] : [-pid, pid]) {
    try {
      process.kill(target, signal);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
}

/**
 * SIGTERM (Kafka's shutdown hook does a controlled shutdown), then SIGKILL after `graceMs`.
 * `exited` is the child's exit event when we own the process; otherwise the pid is polled.
 */
export async function terminate(pid: number, exited?: Promise<unknown>, graceMs = GRACEFUL_STOP_MS): Promise<void> {
  if (!exited && !(await isRunning(pid))) return;
  const gone = exited ?? waitForPidExit(pid, graceMs + 15_000);
  signalGroup(pid, "SIGTERM");
  if (await settlesWithin(gone, graceMs)) return;
  signalGroup(pid, "SIGKILL");
  await settlesWithin(gone, 10_000);
}

async function waitForPidExit(pid: number, timeoutMs: number): Promise<void> {
  await pollUntil(async () => ((await isRunning(pid)) ? undefined : true), { timeoutMs, intervalMs: 100 });
}

let procCheck: Promise<boolean> | undefined;
function procAvailable(): Promise<boolean> {
  procCheck ??= readFile("/proc/self/cmdline").then(
    () => true,
    () => false,
  );
  return procCheck;
}
