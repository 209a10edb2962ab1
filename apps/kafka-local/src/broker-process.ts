import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { KafkaLocalError } from "./errors";
import { brokerJvmArgs } from "./jvm";
import { guardAttachedBroker, releaseAttachedBroker } from "./orphan-guard";
import { terminate } from "./processes";

export type BrokerExit = { code: number | null; signal: NodeJS.Signals | null };

export type BrokerProcess = {
  nodeId: number;
  pid: number;
  /** Settles when the JVM has exited, for whatever reason. */
  exited: Promise<BrokerExit>;
  hasExited(): boolean;
  /** Graceful stop (controlled shutdown), SIGKILL after the grace period. */
  stop(): Promise<void>;
};

export type SpawnBrokerInput = {
  nodeId: number;
  libsDir: string;
  propertiesFile: string;
  logFile: string;
  /** Append to the log (a restart) instead of starting it afresh. */
  appendLog: boolean;
  /** Keep the JVM running after this process exits (`npm run kafka -- start`). */
  detached: boolean;
  onLog?: (line: string) => void;
};

/**
 * Starts one broker JVM. Detached brokers get their own session and process group (they must
 * survive the CLI and its terminal; a stop signals the whole group). Attached brokers stay in our
 * process group, so Ctrl-C in a terminal stops them together with us.
 * Without `onLog` the JVM writes straight into its log file: no pipe that a busy or dead
 * parent could block.
 */
export async function spawnBroker(input: SpawnBrokerInput): Promise<BrokerProcess> {
  await mkdir(dirname(input.logFile), { recursive: true });
  const args = brokerJvmArgs(input.libsDir, input.propertiesFile);
  const usePipes = input.onLog !== undefined && !input.detached;
  const logHandle = usePipes ? undefined : await open(input.logFile, input.appendLog ? "a" : "w");
  let child: ChildProcess;
  try {
    child = spawn("java", args, {
      detached: input.detached,
      stdio: usePipes ? ["ignore", "pipe", "pipe"] : ["ignore", logHandle?.fd ?? "ignore", logHandle?.fd ?? "ignore"],
    });
    await spawned(child);
  } finally {
    await logHandle?.close(); // the child holds its own copy of the descriptor
  }
  const pid = child.pid;
  if (pid === undefined) throw new KafkaLocalError(`Kafka node ${input.nodeId} did not start (no process id).`);

  if (usePipes && input.onLog) forwardOutput(child, input.logFile, input.appendLog, input.onLog);
  if (input.detached) child.unref();
  else guardAttachedBroker(pid);

  let hasExited = false;
  const exited = new Promise<BrokerExit>((resolve) => {
    child.once("exit", (code, signal) => {
      hasExited = true;
      releaseAttachedBroker(pid);
      resolve({ code, signal });
    });
  });
  return {
    nodeId: input.nodeId,
    pid,
    exited,
    hasExited: () => hasExited,
    stop: () => (hasExited ? Promise.resolve() : terminate(pid, exited)),
  };
}

function spawned(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once("spawn", () => resolve());
    child.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new KafkaLocalError(
              "Java 17+ is required to run the local Kafka: install it (e.g. apt-get install openjdk-17-jre-headless) or point KAFKA_BROKERS at an existing cluster.",
            )
          : error,
      );
    });
  });
}

function forwardOutput(child: ChildProcess, logFile: string, append: boolean, onLog: (line: string) => void): void {
  const file = createWriteStream(logFile, { flags: append ? "a" : "w" });
  let openStreams = 0;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    openStreams++;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on("line", (line) => {
      file.write(line + "\n");
      onLog(line);
    });
    lines.on("close", () => {
      if (--openStreams === 0) file.end();
    });
  }
}
