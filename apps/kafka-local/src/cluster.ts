import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  bootstrapServers,
  brokerProperties,
  displayPath,
  formatProperties,
  nodeIds,
  nodePropertiesFile,
  type BrokerCount,
} from "./config";
import { KafkaLocalError } from "./errors";
import { ensureKafkaJars, KAFKA_VERSION } from "./jars";
import { assertPortsFree } from "./ports";
import { requireJava } from "./prerequisites";
import { isKafkaBroker, isRunning, terminate } from "./processes";
import { RunningCluster, type KafkaLocalBroker, type RunningKafka } from "./running-cluster";
import { ensureScramUser } from "./scram";
import { addScramUserThroughBroker, prepareSecuredListeners, securedListenersState } from "./secured-listeners";
import { formatStorageIfNeeded, readLayout, saveLayout, wipeStorage } from "./storage";
import { readState, removeState, type NodeState, type SecuredListenersState } from "./state";

export type { KafkaLocalBroker, RunningKafka } from "./running-cluster";
export type { SecuredListeners } from "./secured-listeners";

export type KafkaLocalOptions = {
  brokers?: 1 | 3;
  /** Holds logs/, config/, node-<id>/ storage, cluster.json and state.json; created if missing. */
  dataDir: string;
  /** Node i (1-based): client listener basePort + 2*(i-1), controller listener client + 1. */
  basePort?: number;
  /** Wipe and re-format storage first. */
  clean?: boolean;
  /** Broker stdout/stderr lines (they also go to <dataDir>/logs/broker-<id>.log). */
  onLog?: (line: string) => void;
  /** Keep the JVMs running after this process exits (the CLI's `start`); otherwise they die with it. */
  detached?: boolean;
  /**
   * Also open a SASL_PLAINTEXT listener (SCRAM-SHA-256/512, the data dir's SCRAM user) and an SSL
   * listener (the data dir's own CA) on each node. Left out: as the data dir's last start had it.
   */
  secured?: boolean;
};

export const DEFAULT_BASE_PORT = 9092;

/**
 * Starts a real Apache Kafka (KRaft, combined broker+controller nodes) on 127.0.0.1 and resolves
 * once every broker answers metadata listing all brokers. Leaves no JVM behind if it fails.
 */
export async function startKafka(options: KafkaLocalOptions): Promise<RunningKafka> {
  const brokers: BrokerCount = options.brokers ?? 1;
  const basePort = options.basePort ?? DEFAULT_BASE_PORT;
  const dataDir = resolve(options.dataDir);
  const isSecured = options.secured ?? (await readLayout(dataDir))?.secured ?? false;
  const portCount = (isSecured ? 4 : 2) * brokers;
  if (!Number.isInteger(basePort) || basePort < 1024 || basePort + portCount - 1 > 65_535) {
    throw new KafkaLocalError(
      `Base port ${basePort} is not usable: pick a whole number from 1024 to ${65_536 - portCount}.`,
    );
  }
  await mkdir(join(dataDir, "logs"), { recursive: true });
  await assertNotRunning(dataDir);
  await removeState(dataDir); // stale: its brokers are gone
  await assertPortsFree(basePort, brokers, isSecured);
  await requireJava();
  const libsDir = await ensureKafkaJars();

  if (options.clean) await wipeStorage(dataDir, brokers);
  const scramUser = await ensureScramUser(dataDir);
  const secured = isSecured ? await prepareSecuredListeners({ dataDir, basePort, brokers, scramUser }) : undefined;
  await mkdir(join(dataDir, "config"), { recursive: true });
  for (const nodeId of nodeIds(brokers)) {
    const keystore = secured && { keystoreFile: secured.keystoreFile };
    const properties = brokerProperties({ nodeId, brokers, basePort, dataDir, secured: keystore });
    await writeFile(nodePropertiesFile(dataDir, nodeId), formatProperties(properties));
  }
  const layout = await formatStorageIfNeeded({ dataDir, brokers, libsDir, kafkaVersion: KAFKA_VERSION, scramUser });
  if (layout.secured !== isSecured) await saveLayout(dataDir, { ...layout, secured: isSecured });

  const cluster = new RunningCluster({
    dataDir,
    brokers,
    basePort,
    libsDir,
    detached: options.detached ?? false,
    onLog: options.onLog,
    state: {
      kafkaVersion: KAFKA_VERSION,
      clusterId: layout.clusterId,
      bootstrapServers: bootstrapServers(basePort, brokers),
      startedAt: new Date().toISOString(),
      ...(secured && { secured: securedListenersState(secured) }),
    },
    secured,
  });
  await cluster.startAll();
  if (secured && layout.scramUsername !== scramUser.username) {
    try {
      await addScramUserThroughBroker({ libsDir, dataDir, basePort, brokers, scramUser });
    } catch (error) {
      await cluster.stopAll();
      throw error;
    }
    await saveLayout(dataDir, { ...layout, secured: true, scramUsername: scramUser.username });
  }
  return cluster.handle();
}

export type KafkaStatus = {
  running: boolean;
  bootstrapServers?: string;
  brokers: KafkaLocalBroker[];
  secured?: SecuredListenersState;
};

/** What state.json says, keeping only brokers whose JVM is still alive. Reads only; changes nothing. */
export async function readKafkaStatus(dataDir: string): Promise<KafkaStatus> {
  const state = await readState(resolve(dataDir));
  if (!state) return { running: false, brokers: [] };
  const alive = await liveNodes(state.nodes);
  if (alive.length === 0) return { running: false, brokers: [] };
  return {
    running: true,
    bootstrapServers: state.bootstrapServers,
    ...(state.secured && { secured: state.secured }),
    brokers: alive.map(({ nodeId, host, port, pid }) => ({ nodeId, host, port, pid })),
  };
}

/** Stops the brokers state.json names (graceful, then SIGKILL) and waits until they are gone. */
export async function stopKafkaFromState(dataDir: string): Promise<boolean> {
  const absolute = resolve(dataDir);
  const state = await readState(absolute);
  if (!state) return false;
  const alive = await liveNodes(state.nodes);
  await Promise.all(alive.map((node) => terminate(node.pid)));
  await removeState(absolute);
  return alive.length > 0;
}

async function assertNotRunning(dataDir: string): Promise<void> {
  const state = await readState(dataDir);
  const alive = state ? await liveNodes(state.nodes) : [];
  const first = alive[0];
  if (first) {
    const shown = displayPath(dataDir);
    throw new KafkaLocalError(
      `Kafka from ${shown} is already running (pid ${first.pid}); stop it with npm run kafka -- stop --data-dir ${shown}.`,
    );
  }
}

async function liveNodes(nodes: NodeState[]): Promise<Array<NodeState & { pid: number }>> {
  const alive: Array<NodeState & { pid: number }> = [];
  for (const node of nodes) {
    const { pid } = node;
    if (pid !== null && (await isRunning(pid)) && (await isKafkaBroker(pid, node.propertiesFile)))
      alive.push({ ...node, pid });
  }
  return alive;
}
