import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** One node as recorded in state.json; `pid` is null while the node is stopped. */
export type NodeState = {
  nodeId: number;
  host: string;
  port: number;
  controllerPort: number;
  pid: number | null;
  propertiesFile: string;
  logFile: string;
};

/** The secured listeners of a running local Kafka, minus the password (which stays in its own 0600 file). */
export type SecuredListenersState = {
  /** SASL_PLAINTEXT listeners offering SCRAM-SHA-256 and SCRAM-SHA-512. */
  scramBootstrapServers: string;
  scramUsername: string;
  /** Where the SCRAM user's password is kept. */
  scramUserFile: string;
  /** SSL listeners whose certificate (for 127.0.0.1 and localhost) is signed by the data dir's CA. */
  tlsBootstrapServers: string;
  /** The CA certificate (PEM) a TLS client trusts. */
  caFile: string;
};

/** `<dataDir>/state.json`: what `npm run kafka -- status|stop` and other processes need to find the brokers. */
export type KafkaState = {
  kafkaVersion: string;
  clusterId: string;
  bootstrapServers: string;
  startedAt: string;
  secured?: SecuredListenersState;
  nodes: NodeState[];
};

export const stateFile = (dataDir: string) => join(dataDir, "state.json");

export async function readState(dataDir: string): Promise<KafkaState | undefined> {
  let text: string;
  try {
    text = await readFile(stateFile(dataDir), "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return isKafkaState(parsed) ? parsed : undefined;
  } catch {
    return undefined; // a torn or hand-edited file is treated as "nothing recorded"
  }
}

/** Write-then-rename, so a reader never sees half a file. */
export async function writeState(dataDir: string, state: KafkaState): Promise<void> {
  const target = stateFile(dataDir);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2) + "\n");
  await rename(temporary, target);
}

export async function removeState(dataDir: string): Promise<void> {
  await rm(stateFile(dataDir), { force: true });
}

function isKafkaState(value: unknown): value is KafkaState {
  if (typeof value !== "object" || value === null) return false;
  const state = value as Record<string, unknown>;
  return (
    typeof state.bootstrapServers === "string" &&
    typeof state.clusterId === "string" &&
    Array.isArray(state.nodes) &&
    state.nodes.every(isNodeState)
  );
}

function isNodeState(value: unknown): value is NodeState {
  if (typeof value !== "object" || value === null) return false;
  const node = value as Record<string, unknown>;
  return (
    typeof node.nodeId === "number" &&
    typeof node.host === "string" &&
    typeof node.port === "number" &&
    (node.pid === null || typeof node.pid === "number") &&
    typeof node.propertiesFile === "string"
  );
}
