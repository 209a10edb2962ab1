import { isAbsolute, join, relative, resolve } from "node:path";

/** Every listener binds to loopback only: this Kafka is for one machine's dev and tests. */
export const LOCAL_HOST = "127.0.0.1";

export type BrokerCount = 1 | 3;

/** The SCRAM mechanisms the SASL_PLAINTEXT listener offers; the local SCRAM user has credentials for both. */
export const SCRAM_MECHANISMS = ["SCRAM-SHA-256", "SCRAM-SHA-512"] as const;

export type NodePorts = { nodeId: number; clientPort: number; controllerPort: number };

/** Node ids 1..n; each node is a combined broker+controller (KRaft). */
export function nodeIds(brokers: BrokerCount): number[] {
  return Array.from({ length: brokers }, (_, index) => index + 1);
}

/** Node i (1-based): client listener = basePort + 2*(i-1), controller listener = client + 1. */
export function nodePorts(basePort: number, nodeId: number): NodePorts {
  const clientPort = basePort + 2 * (nodeId - 1);
  return { nodeId, clientPort, controllerPort: clientPort + 1 };
}

/**
 * The secured listeners come after every node's plain pair, so the plain layout is the same with or
 * without them: node i's SASL_PLAINTEXT port = basePort + 2*brokers + 2*(i-1), its SSL port right after.
 */
export function securedPorts(basePort: number, brokers: BrokerCount, nodeId: number): SecuredPorts {
  const saslPort = basePort + 2 * brokers + 2 * (nodeId - 1);
  return { saslPort, sslPort: saslPort + 1 };
}

export type SecuredPorts = { saslPort: number; sslPort: number };

export function allPorts(basePort: number, brokers: BrokerCount, secured = false): number[] {
  return nodeIds(brokers)
    .flatMap((id) => {
      const ports = nodePorts(basePort, id);
      const plain = [ports.clientPort, ports.controllerPort];
      if (!secured) return plain;
      const { saslPort, sslPort } = securedPorts(basePort, brokers, id);
      return [...plain, saslPort, sslPort];
    })
    .sort((a, b) => a - b);
}

export function bootstrapServers(basePort: number, brokers: BrokerCount): string {
  return nodeIds(brokers)
    .map((id) => `${LOCAL_HOST}:${nodePorts(basePort, id).clientPort}`)
    .join(",");
}

/** Every node's SCRAM (SASL_PLAINTEXT) or TLS (SSL) listener, as a bootstrap address. */
export function securedBootstrapServers(basePort: number, brokers: BrokerCount, listener: "sasl" | "ssl"): string {
  return nodeIds(brokers)
    .map((id) => {
      const ports = securedPorts(basePort, brokers, id);
      return `${LOCAL_HOST}:${listener === "sasl" ? ports.saslPort : ports.sslPort}`;
    })
    .join(",");
}

/** Where node i keeps its log segments and KRaft metadata log. */
export function nodeLogDir(dataDir: string, nodeId: number): string {
  return join(dataDir, `node-${nodeId}`);
}

/** The data dir's CA, the broker's PEM key store and the SCRAM user; kept by --clean. */
export function securedDir(dataDir: string): string {
  return join(dataDir, "secured");
}

export function nodePropertiesFile(dataDir: string, nodeId: number): string {
  return join(dataDir, "config", `broker-${nodeId}.properties`);
}

export function nodeLogFile(dataDir: string, nodeId: number): string {
  return join(dataDir, "logs", `broker-${nodeId}.log`);
}

/** The static controller quorum: every node votes (`id@host:controllerPort`). */
export function quorumVoters(basePort: number, brokers: BrokerCount): string {
  return nodeIds(brokers)
    .map((id) => `${id}@${LOCAL_HOST}:${nodePorts(basePort, id).controllerPort}`)
    .join(",");
}

export type BrokerConfigInput = {
  nodeId: number;
  brokers: BrokerCount;
  basePort: number;
  dataDir: string;
  /** Adds a SCRAM listener and a TLS listener (key store: a PEM file) next to the plain one. */
  secured?: { keystoreFile: string };
};

/** server.properties for one node, as key/value pairs in a stable order. */
export function brokerProperties(input: BrokerConfigInput): Array<[string, string]> {
  const { nodeId, brokers, basePort, dataDir, secured } = input;
  const { clientPort, controllerPort } = nodePorts(basePort, nodeId);
  // Internal topics must be creatable on this cluster: RF 1 on one node; RF 3 / min ISR 2 on three,
  // so losing one broker (the fault tests) keeps groups and transactions working.
  const internalReplicationFactor = brokers === 1 ? "1" : "3";
  const internalMinIsr = brokers === 1 ? "1" : "2";
  return [
    ["process.roles", "broker,controller"],
    ["node.id", String(nodeId)],
    ["controller.quorum.voters", quorumVoters(basePort, brokers)],
    ...(secured
      ? securedListeners(securedPorts(basePort, brokers, nodeId), clientPort, controllerPort, secured.keystoreFile)
      : plainListeners(clientPort, controllerPort)),
    ["inter.broker.listener.name", "PLAINTEXT"],
    ["controller.listener.names", "CONTROLLER"],
    ["log.dirs", nodeLogDir(dataDir, nodeId)],
    ["num.partitions", "1"],
    // Tests and people choose the replication factor of their topics explicitly.
    ["default.replication.factor", "1"],
    // An operator tool must not create topics because someone mistyped a name.
    ["auto.create.topics.enable", "false"],
    ["offsets.topic.replication.factor", internalReplicationFactor],
    ["transaction.state.log.replication.factor", internalReplicationFactor],
    ["transaction.state.log.min.isr", internalMinIsr],
    ["share.coordinator.state.topic.replication.factor", internalReplicationFactor],
    ["share.coordinator.state.topic.min.isr", internalMinIsr],
    // The first consumer of a group gets its partitions at once instead of after 3 s.
    ["group.initial.rebalance.delay.ms", "0"],
    // Graceful stop moves leadership away first, so stopping one of three nodes loses nothing.
    ["controlled.shutdown.enable", "true"],
  ];
}

function plainListeners(clientPort: number, controllerPort: number): Array<[string, string]> {
  return [
    ["listeners", `PLAINTEXT://${LOCAL_HOST}:${clientPort},CONTROLLER://${LOCAL_HOST}:${controllerPort}`],
    ["advertised.listeners", `PLAINTEXT://${LOCAL_HOST}:${clientPort}`],
    ["listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"],
  ];
}

/**
 * Clients only: brokers and controllers keep talking plaintext to each other. The SCRAM listener
 * needs a JAAS entry per mechanism even though no broker logs in through it; the TLS listener asks
 * clients for no certificate (ssl.client.auth defaults to none).
 */
function securedListeners(
  ports: SecuredPorts,
  clientPort: number,
  controllerPort: number,
  keystoreFile: string,
): Array<[string, string]> {
  const client = `PLAINTEXT://${LOCAL_HOST}:${clientPort},SASL_PLAINTEXT://${LOCAL_HOST}:${ports.saslPort},SSL://${LOCAL_HOST}:${ports.sslPort}`;
  const scramLogin = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
  return [
    ["listeners", `${client},CONTROLLER://${LOCAL_HOST}:${controllerPort}`],
    ["advertised.listeners", client],
    [
      "listener.security.protocol.map",
      "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,CONTROLLER:PLAINTEXT",
    ],
    ["listener.name.sasl_plaintext.sasl.enabled.mechanisms", SCRAM_MECHANISMS.join(",")],
    ...SCRAM_MECHANISMS.map((mechanism): [string, string] => [
      `listener.name.sasl_plaintext.${mechanism.toLowerCase()}.sasl.jaas.config`,
      scramLogin,
    ]),
    ["listener.name.ssl.ssl.keystore.type", "PEM"],
    ["listener.name.ssl.ssl.keystore.location", keystoreFile],
  ];
}

/** Java .properties text; backslashes are escapes in that format (Windows paths). */
export function formatProperties(entries: ReadonlyArray<readonly [string, string]>): string {
  const header = "# Generated by apps/kafka-local; rewritten on every start.\n";
  return header + entries.map(([key, value]) => `${key}=${value.replace(/\\/g, "\\\\")}`).join("\n") + "\n";
}

/** A path as a person would type it here: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const absolute = resolve(path);
  const fromHere = relative(process.cwd(), absolute);
  return fromHere === "" ? "." : fromHere.startsWith("..") || isAbsolute(fromHere) ? absolute : fromHere;
}
