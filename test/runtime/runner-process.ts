import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/**
 * A real runner process (`npm run runner`), started the way an operator starts one, so that a
 * test can kill it the way a machine dies: SIGKILL leaves no LeaveGroup, no last commit, no
 * "stopped" row. (kafkajs always says goodbye on disconnect; only a whole process can die without.)
 */
export type TRunnerProcess = {
  /** The runner's id, from its "Runner <id> started." line. */
  id: string;
  pid: number;
  /** The last lines it printed (stdout and stderr), for a failing test's message. */
  output(): string;
  /** SIGKILL: gone at once. Resolves when the process has exited. */
  kill(): Promise<void>;
  /** SIGTERM: the runner finishes its batches and leaves; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<number | null>;
};

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const STARTED = /Runner (\S+) started\./;
const KEPT_LINES = 200;
const running = new Set<ChildProcess>();

// A test that fails half-way must not leave runners consuming from the next file's topics.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** The environment an operator would give it: the database, the brokers and the secret key (no test runner flags). */
function runnerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== "NODE_OPTIONS" && !name.startsWith("VITEST")),
  ) as NodeJS.ProcessEnv;
}

export async function startRunnerProcess(options: { startTimeoutMs?: number } = {}): Promise<TRunnerProcess> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "apps/runner/src/main.ts"], {
    cwd: REPO_ROOT,
    env: runnerEnvironment(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  const started = new Promise<string>((resolve, reject) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        lines.push(line);
        if (lines.length > KEPT_LINES) lines.shift();
        const match = STARTED.exec(line);
        if (match?.[1]) resolve(match[1]);
      });
    }
    void exited.then((code) =>
      reject(new Error(`The runner exited (code ${code}) before it started:\n${lines.join("\n")}`)),
    );
    setTimeout(
      () => reject(new Error(`The runner printed no "started" line within the time allowed:\n${lines.join("\n")}`)),
      options.startTimeoutMs ?? 60_000,
    ).unref();
  });
  const output = () => lines.join("\n");
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  let id: string;
  try {
    id = await started;
  } catch (error) {
    await kill();
    throw error;
  }
  return {
    id,
    pid: child.pid ?? -1,
    output,
    kill,
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
    exited,
  };
}
