import { bootstrapServers, displayPath, SCRAM_MECHANISMS, securedBootstrapServers, type BrokerCount } from "./config";
import { KafkaLocalError } from "./errors";
import { toolJvmArgs } from "./jvm";
import { ensureLocalCa } from "./local-ca";
import { lastLines, runCommand } from "./run-command";
import { scramUserFile, type ScramUser } from "./scram";
import type { SecuredListenersState } from "./state";

/** How a client reaches the SCRAM and TLS listeners of a local Kafka started with `secured`. */
export type SecuredListeners = SecuredListenersState & {
  scramUser: ScramUser;
  caPem: string;
  /** The broker's PEM key store (private key, certificate, CA), for the TLS listener's config. */
  keystoreFile: string;
};

/** What state.json keeps of them: everything but the password and the PEM texts. */
export function securedListenersState(listeners: SecuredListeners): SecuredListenersState {
  const { scramBootstrapServers, scramUsername, scramUserFile, tlsBootstrapServers, caFile } = listeners;
  return { scramBootstrapServers, scramUsername, scramUserFile, tlsBootstrapServers, caFile };
}

export async function prepareSecuredListeners(input: {
  dataDir: string;
  basePort: number;
  brokers: BrokerCount;
  scramUser: ScramUser;
}): Promise<SecuredListeners> {
  const { dataDir, basePort, brokers, scramUser } = input;
  const ca = await ensureLocalCa(dataDir);
  return {
    scramBootstrapServers: securedBootstrapServers(basePort, brokers, "sasl"),
    scramUser,
    scramUsername: scramUser.username,
    scramUserFile: scramUserFile(dataDir),
    tlsBootstrapServers: securedBootstrapServers(basePort, brokers, "ssl"),
    caFile: ca.caFile,
    caPem: ca.caPem,
    keystoreFile: ca.keystoreFile,
  };
}

/**
 * For a data dir formatted before the SCRAM user existed: writes its credentials through the
 * running cluster's plain listener (kafka-configs --alter), once; later starts find it in the metadata.
 * One call per mechanism: Kafka 4.3 refuses two credentials of one user in one request.
 */
export async function addScramUserThroughBroker(input: {
  libsDir: string;
  dataDir: string;
  basePort: number;
  brokers: BrokerCount;
  scramUser: ScramUser;
}): Promise<void> {
  const { libsDir, dataDir, basePort, brokers, scramUser } = input;
  for (const mechanism of SCRAM_MECHANISMS) {
    const args = [
      "--bootstrap-server",
      bootstrapServers(basePort, brokers),
      "--alter",
      "--entity-type",
      "users",
      "--entity-name",
      scramUser.username,
      "--add-config",
      `${mechanism}=[password=${scramUser.password}]`,
    ];
    const result = await runCommand("java", toolJvmArgs(libsDir, "kafka.admin.ConfigCommand", args));
    if (!result || result.exitCode !== 0) {
      const detail = result ? lastLines(result.output, 3).replaceAll(scramUser.password, "***") : "java not found";
      throw new KafkaLocalError(
        `Adding the SCRAM user ${scramUser.username} to the Kafka in ${displayPath(dataDir)} failed (${detail}); retry, or start from empty storage with --clean.`,
      );
    }
  }
}
