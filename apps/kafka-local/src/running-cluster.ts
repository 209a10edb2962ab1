import { spawnBroker, type BrokerProcess } from "./broker-process";
import { LOCAL_HOST, nodeIds, nodeLogFile, nodePorts, nodePropertiesFile, type BrokerCount } from "./config";
import { KafkaLocalError } from "./errors";
import { isPortFree } from "./ports";
import { waitUntilBrokerReady } from "./readiness";
import type { SecuredListeners } from "./secured-listeners";
import { removeState, writeState, type KafkaState } from "./state";

export type KafkaLocalBroker = { nodeId: number; host: string; port: number; pid: number };

export type RunningKafka = {
  bootstrapServers: string;
  /** The SCRAM and TLS listeners, when started with `secured`. */
  secured?: SecuredListeners;
  /** The brokers running right now (a stopped node is absent until started again). */
  brokers: KafkaLocalBroker[];
  stopBroker(nodeId: number): Promise<void>;
  startBroker(nodeId: number): Promise<void>;
  stop(): Promise<void>;
};

export type ClusterSettings = {
  dataDir: string;
  brokers: BrokerCount;
  basePort: number;
  libsDir: string;
  detached: boolean;
  onLog?: (line: string) => void;
  state: Omit<KafkaState, "nodes">;
  secured?: SecuredListeners;
};

/**
 * Owns the broker JVMs of one data dir: starts them, keeps state.json in step with them, and
 * guarantees that a failed start leaves no JVM behind.
 */
export class RunningCluster {
  private readonly processes = new Map<number, BrokerProcess>();
  private stateWrites: Promise<void> = Promise.resolve();

  constructor(private readonly settings: ClusterSettings) {}

  /** Starts every node and waits until each one sees all of them; on failure kills what it started. */
  async startAll(): Promise<void> {
    const ids = nodeIds(this.settings.brokers);
    try {
      for (const id of ids) await this.spawn(id, false);
      // Recorded before waiting, so `npm run kafka -- stop` finds JVMs whose start-up was interrupted.
      await this.saveState();
      await Promise.all(ids.map((id) => this.waitReady(id, ids)));
    } catch (error) {
      await this.killAll();
      await this.stateWrites.catch(() => undefined);
      await removeState(this.settings.dataDir);
      throw error;
    }
  }

  handle(): RunningKafka {
    const currentBrokers = () => this.brokers();
    return {
      bootstrapServers: this.settings.state.bootstrapServers,
      ...(this.settings.secured && { secured: this.settings.secured }),
      get brokers() {
        return currentBrokers();
      },
      stopBroker: (nodeId) => this.stopBroker(nodeId),
      startBroker: (nodeId) => this.startBroker(nodeId),
      stop: () => this.stopAll(),
    };
  }

  brokers(): KafkaLocalBroker[] {
    return [...this.processes.values()]
      .filter((broker) => !broker.hasExited())
      .map((broker) => ({
        nodeId: broker.nodeId,
        host: LOCAL_HOST,
        port: nodePorts(this.settings.basePort, broker.nodeId).clientPort,
        pid: broker.pid,
      }))
      .sort((a, b) => a.nodeId - b.nodeId);
  }

  async stopBroker(nodeId: number): Promise<void> {
    this.assertKnownNode(nodeId);
    const broker = this.processes.get(nodeId);
    if (!broker) return;
    await broker.stop();
    this.processes.delete(nodeId);
    await this.saveState();
  }

  async startBroker(nodeId: number): Promise<void> {
    this.assertKnownNode(nodeId);
    const existing = this.processes.get(nodeId);
    if (existing && !existing.hasExited()) return;
    const ports = nodePorts(this.settings.basePort, nodeId);
    for (const port of [ports.clientPort, ports.controllerPort]) {
      if (!(await isPortFree(port))) {
        throw new KafkaLocalError(
          `Port ${port} is already in use, so Kafka node ${nodeId} cannot start again — stop what uses it first.`,
        );
      }
    }
    try {
      await this.spawn(nodeId, true);
      await this.waitReady(nodeId, [nodeId]);
    } catch (error) {
      await this.processes.get(nodeId)?.stop();
      this.processes.delete(nodeId);
      throw error;
    }
    await this.saveState();
  }

  async stopAll(): Promise<void> {
    // All at once: stopping combined broker+controllers one by one loses the quorum half-way anyway.
    await Promise.all([...this.processes.values()].map((broker) => broker.stop()));
    this.processes.clear();
    await this.stateWrites;
    await removeState(this.settings.dataDir);
  }

  private async killAll(): Promise<void> {
    await Promise.all([...this.processes.values()].map((broker) => broker.stop()));
    this.processes.clear();
  }

  private async spawn(nodeId: number, appendLog: boolean): Promise<void> {
    const { dataDir, libsDir, detached, onLog } = this.settings;
    const broker = await spawnBroker({
      nodeId,
      libsDir,
      propertiesFile: nodePropertiesFile(dataDir, nodeId),
      logFile: nodeLogFile(dataDir, nodeId),
      appendLog,
      detached,
      onLog,
    });
    this.processes.set(nodeId, broker);
  }

  private async waitReady(nodeId: number, expectedIds: readonly number[]): Promise<void> {
    const broker = this.processes.get(nodeId);
    if (!broker) throw new Error(`Kafka node ${nodeId} was not started`);
    const { clientPort } = nodePorts(this.settings.basePort, nodeId);
    await waitUntilBrokerReady(
      { broker, host: LOCAL_HOST, port: clientPort, logFile: nodeLogFile(this.settings.dataDir, nodeId) },
      expectedIds,
    );
  }

  private assertKnownNode(nodeId: number): void {
    if (!nodeIds(this.settings.brokers).includes(nodeId)) {
      throw new KafkaLocalError(
        `This local Kafka has nodes ${nodeIds(this.settings.brokers).join(", ")}; there is no node ${nodeId}.`,
      );
    }
  }

  /** Serialised, so concurrent stopBroker calls cannot interleave their writes. */
  private saveState(): Promise<void> {
    const { dataDir, basePort, brokers, state } = this.settings;
    const snapshot: KafkaState = {
      ...state,
      nodes: nodeIds(brokers).map((nodeId) => {
        const broker = this.processes.get(nodeId);
        const ports = nodePorts(basePort, nodeId);
        return {
          nodeId,
          host: LOCAL_HOST,
          port: ports.clientPort,
          controllerPort: ports.controllerPort,
          pid: broker && !broker.hasExited() ? broker.pid : null,
          propertiesFile: nodePropertiesFile(dataDir, nodeId),
          logFile: nodeLogFile(dataDir, nodeId),
        };
      }),
    };
    this.stateWrites = this.stateWrites.then(() => writeState(dataDir, snapshot));
    return this.stateWrites;
  }
}
