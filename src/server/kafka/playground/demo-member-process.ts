import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { AppError } from "~/lib/app-error";
import { connectionOf, type ClusterTarget } from "../client-registry";
import { serializableKafkaConfig } from "../connection/kafka-config";
import { ZChildMessage, type TChildMessage, type TDemoMemberStart, type TParentMessage } from "./demo-member-protocol";

/**
 * Starts demo consumer-group members, each in its own Node process running demo-member.mjs, and
 * talks to them over IPC. A process per member is what lets "kill" leave a group without a
 * LeaveGroup request: kafkajs sends one on every disconnect, but a SIGKILLed process sends nothing.
 */

/**
 * The script is resolved from the working directory, not from this module's location: under
 * `next start` this module is bundled into .next/, where no path next to it leads to the script.
 * `npm start`, `next dev`, `next start` and Vitest all run from the repository's root.
 */
export const DEMO_MEMBER_SCRIPT = path.join(process.cwd(), "src", "server", "kafka", "playground", "demo-member.mjs");

/**
 * kafkajs hears of a rebalance only through a heartbeat, sent between fetches. Kafka's usual
 * heartbeat (session timeout / 3, up to 3 s) would let an added member wait seconds for the others
 * to rejoin; the playground exists to show rebalances as they happen, so its members heartbeat
 * every 200 ms and long-poll fetches for at most 100 ms. The session timeout stays what was chosen:
 * it alone decides how long Kafka waits for a killed member.
 */
const HEARTBEAT_INTERVAL_MS = 200;
const MAX_WAIT_TIME_MS = 100;

/** The same short connection budget as the shared clients in client-registry.ts. */
const CONNECTION_TIMEOUT_MS = 1_500;
const REQUEST_TIMEOUT_MS = 10_000;

export type TDemoMemberSettings = {
  clientId: string;
  groupId: string;
  topic: string;
  sessionTimeoutMs: number;
  processingDelayMs: number;
};

export type TDemoMemberExit = { code: number | null; signal: NodeJS.Signals | null };

export type TDemoMemberHandlers = {
  onReport: (message: TChildMessage) => void;
  onExit: (exit: TDemoMemberExit) => void;
};

export type TDemoMemberProcess = {
  pid: number | null;
  /** Asks the member to leave the group (LeaveGroup) and exit. */
  leave(): void;
  /** Ends the process at once (SIGKILL): no LeaveGroup, Kafka waits for the session timeout. */
  kill(): void;
  /** Resolves when the process has ended, however it ended. */
  exited: Promise<TDemoMemberExit>;
};

/**
 * The kafkajs settings a member connects with: the cluster's connection from the one builder
 * (kafka-config.ts), SASL and TLS secrets included, sent over IPC — never argv or the environment.
 */
function memberStart(target: ClusterTarget, settings: TDemoMemberSettings): TDemoMemberStart {
  return {
    client: {
      ...serializableKafkaConfig(connectionOf(target)),
      clientId: settings.clientId,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
    },
    groupId: settings.groupId,
    topic: settings.topic,
    sessionTimeoutMs: settings.sessionTimeoutMs,
    // A rejoin slower than the session timeout means the member is gone; no reason to wait longer.
    rebalanceTimeoutMs: settings.sessionTimeoutMs,
    heartbeatIntervalMs: Math.min(HEARTBEAT_INTERVAL_MS, Math.floor(settings.sessionTimeoutMs / 3)),
    maxWaitTimeMs: MAX_WAIT_TIME_MS,
    processingDelayMs: settings.processingDelayMs,
  };
}

/** A forked process that loads kafkajs and waits to be told which member to be. */
type TDemoProcess = {
  child: ChildProcess;
  isReady: boolean;
  /** The member it became; null while it is the spare. */
  member: { start: TDemoMemberStart; handlers: TDemoMemberHandlers } | null;
  exited: Promise<TDemoMemberExit>;
};

type TDemoProcesses = {
  /** Every live demo process, the spare included: the server kills them all when it exits. */
  all: Set<TDemoProcess>;
  /** One process forked ahead, so that "Add member" skips Node's start-up and kafkajs's loading. */
  spare: TDemoProcess | null;
};

const processesKey = Symbol.for("tributary.playground.processes");
type GlobalWithProcesses = typeof globalThis & { [processesKey]?: TDemoProcesses };

/**
 * On globalThis so that dev reloads keep one set and one exit hook. When the server exits, its demo
 * members die with it; a member whose server is killed outright notices its IPC channel close and
 * leaves by itself (see demo-member.mjs).
 */
function demoProcesses(): TDemoProcesses {
  const holder = globalThis as GlobalWithProcesses;
  if (!holder[processesKey]) {
    const processes: TDemoProcesses = { all: new Set(), spare: null };
    holder[processesKey] = processes;
    process.on("exit", () => {
      for (const demo of processes.all) demo.child.kill("SIGKILL");
    });
  }
  return holder[processesKey];
}

function send(child: ChildProcess, message: TParentMessage): void {
  if (child.connected) child.send(message, () => undefined);
}

function forkDemoProcess(): TDemoProcess {
  if (!existsSync(DEMO_MEMBER_SCRIPT)) {
    throw new AppError(
      "INTERNAL",
      "The demo member program is missing from this installation.",
      `Tributary looks for it at ${DEMO_MEMBER_SCRIPT}; start the server from the repository's root folder.`,
    );
  }
  const processes = demoProcesses();
  // No environment and no Node flags of ours: the member needs neither, and the server's
  // environment holds secrets (the database URL) that a demo process has no business seeing.
  // What fork() does, spelled as spawn(): Turbopack's build mistakes fork()'s path for a module to
  // bundle and fails (vercel/next.js#97952); spawn() with an IPC channel is the same child.
  const child = spawn(process.execPath, [DEMO_MEMBER_SCRIPT], {
    cwd: process.cwd(),
    env: { NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "ignore", "ipc"],
    serialization: "json",
  });
  let finish: (exit: TDemoMemberExit) => void = () => undefined;
  const exited = new Promise<TDemoMemberExit>((resolve) => (finish = resolve));
  const demo: TDemoProcess = { child, isReady: false, member: null, exited };
  processes.all.add(demo);
  child.on("message", (raw: unknown) => {
    const parsed = ZChildMessage.safeParse(raw);
    if (!parsed.success) return;
    if (parsed.data.type === "ready") {
      demo.isReady = true;
      if (demo.member) send(child, { type: "start", member: demo.member.start });
    }
    demo.member?.handlers.onReport(parsed.data);
  });
  // A failed fork ends in "exit", or in "error" alone when no process ever ran: report it once.
  let isDone = false;
  const end = (exit: TDemoMemberExit) => {
    if (isDone) return;
    isDone = true;
    processes.all.delete(demo);
    if (processes.spare === demo) processes.spare = null;
    demo.member?.handlers.onExit(exit);
    finish(exit);
  };
  child.on("exit", (code, signal) => end({ code, signal }));
  child.on("error", () => {
    if (child.pid === undefined) end({ code: null, signal: null });
  });
  return demo;
}

/**
 * Starts one demo member: in the spare process when one is ready, else in a new one. Its reports
 * and its exit arrive through `handlers`.
 */
export function spawnDemoMember(
  target: ClusterTarget,
  settings: TDemoMemberSettings,
  handlers: TDemoMemberHandlers,
): TDemoMemberProcess {
  const processes = demoProcesses();
  const spare = processes.spare;
  processes.spare = null;
  const demo = spare && spare.child.connected ? spare : forkDemoProcess();
  if (spare && spare !== demo) spare.child.kill("SIGKILL");
  demo.member = { start: memberStart(target, settings), handlers };
  if (demo.isReady) send(demo.child, { type: "start", member: demo.member.start });
  const { child } = demo;
  return {
    pid: child.pid ?? null,
    leave: () => send(child, { type: "leave" }),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
    exited: demo.exited,
  };
}

/** Forks the spare process if there is none, so that the next member starts without Node's start-up. */
export function prepareSpareDemoProcess(): void {
  const processes = demoProcesses();
  if (!processes.spare) processes.spare = forkDemoProcess();
}

/** Ends the spare process (no playground runs any more). */
export function discardSpareDemoProcess(): void {
  const processes = demoProcesses();
  processes.spare?.child.kill("SIGKILL");
  processes.spare = null;
}

/** Whether a process with this pid still exists (tests check that stopped members are gone). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids of every demo process of this server, the spare included (tests check that none is left). */
export function demoProcessPids(): number[] {
  return [...demoProcesses().all].flatMap((demo) => (demo.child.pid === undefined ? [] : [demo.child.pid]));
}

/** How many demo members run on this server now (the spare process, which is no member yet, aside). */
export function liveDemoProcessCount(): number {
  return [...demoProcesses().all].filter((demo) => demo.member !== null).length;
}
