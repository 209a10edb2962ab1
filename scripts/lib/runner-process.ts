import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { signalTree, stopChild } from "./child";

/**
 * One pipeline runner as a child process — what `npm run runner` starts — with the web server's
 * database, brokers and key for cluster secrets. Its lines are prefixed `[runner]` so they read apart
 * from the server's. `npm start` and the runtime e2e spec start runners this way.
 */
export const RUNNER_ARGS = ["--conditions=react-server", "--import", "tsx", "apps/runner/src/main.ts"] as const;

/** A runner finishes and commits its batches in flight before it leaves its groups; then it is killed. */
const RUNNER_GRACE_MS = 15_000;

export type TRunnerEnv = { DATABASE_URL: string; KAFKA_BROKERS: string; TRIBUTARY_SECRET_KEY?: string };

export type TRunnerProcess = {
  child: ChildProcess;
  pid: number;
  /** SIGTERM, then SIGKILL after the grace period; resolves once it exited. */
  stop(): Promise<void>;
};

export function spawnRunner(
  runnerEnv: TRunnerEnv,
  options: { cwd?: string; log: (line: string) => void; onExit?: (code: number | null) => void },
): TRunnerProcess {
  const child = spawn(process.execPath, [...RUNNER_ARGS], {
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: Ctrl-C reaches only us, and we stop the runner before Kafka and PostgreSQL.
    detached: true,
    env: { ...process.env, ...runnerEnv },
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", (line) => options.log(line));
  }
  child.once("exit", (code) => options.onExit?.(code));
  const killOnExit = () => signalTree(child, "SIGKILL", true);
  process.on("exit", killOnExit);
  return {
    child,
    pid: child.pid ?? -1,
    stop: async () => {
      await stopChild(child, RUNNER_GRACE_MS, true);
      process.off("exit", killOnExit);
    },
  };
}
