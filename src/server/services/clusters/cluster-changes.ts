import "server-only";
import { randomUUID } from "node:crypto";
import type { TClusterSettings, TConnectionTestResult } from "~/domain/cluster-settings";
import { AppError } from "~/lib/app-error";
import { deleteClusterRecord, insertClusterRow, isClusterNameTaken, updateClusterRow } from "~/server/db/clusters";
import { disconnectCluster } from "~/server/kafka/client-registry";
import { connectionKey, type TClusterConnection } from "~/server/kafka/connection/kafka-config";
import { testClusterConnection } from "~/server/kafka/connection/test-connection";
import { auditedAction, type TAuditActor } from "../audit/audited";
import { auditDetailsOf, columnsFrom, connectionFrom } from "./cluster-connection-settings";
import { getCluster, type TRegisteredCluster } from "./registered-clusters";

/**
 * Adding, changing, testing and removing clusters: admin changes to Tributary's own registry, not
 * to Kafka, so they are allowed on read-only clusters (read-only mode must stay liftable, and a
 * read-only cluster's password must stay changeable). Each is audited without its secrets.
 */

async function refuseTakenName(name: string, exceptId: string | null): Promise<void> {
  if (await isClusterNameTaken(name, exceptId)) {
    throw new AppError("CONFLICT", `A cluster named ${name} is already registered.`, "Choose another name.");
  }
}

/** Throws the test's sentence when the connection fails: nothing is saved that cannot connect. */
async function requirePassingTest(connection: TClusterConnection): Promise<void> {
  const result = await testClusterConnection(connection);
  if (!result.ok)
    throw new AppError("KAFKA_UNREACHABLE", result.message, `${result.hint ?? ""} Nothing was saved.`.trim());
}

/** Tests settings (with the stored secrets of `clusterId` where none are given) without saving anything. */
export async function testClusterSettings(
  by: TAuditActor,
  clusterId: string | undefined,
  settings: TClusterSettings,
): Promise<TConnectionTestResult> {
  const stored = clusterId ? await getCluster(clusterId) : null;
  const connection = connectionFrom(settings, stored);
  // Audited: a test opens sockets to an address an admin chose, which the log should be able to name.
  return auditedAction(
    {
      by,
      action: "cluster.test",
      clusterId: stored?.id ?? null,
      target: settings.name,
      details: auditDetailsOf(settings),
    },
    () => testClusterConnection(connection),
    { completion: (result) => ({ isConnected: result.ok }) },
  );
}

export async function addCluster(by: TAuditActor, settings: TClusterSettings): Promise<TRegisteredCluster> {
  await refuseTakenName(settings.name, null);
  const connection = connectionFrom(settings, null);
  const id = randomUUID();
  const columns = columnsFrom(id, settings, connection);
  await requirePassingTest(connection);
  const details = { ...auditDetailsOf(settings), clusterId: id };
  // The row does not exist while the audit row is written, so the id goes into the details.
  const row = await auditedAction({ by, action: "cluster.add", clusterId: null, target: settings.name, details }, () =>
    insertClusterRow(id, columns),
  );
  return getCluster(row.id);
}

/** The default cluster's name and connection come from KAFKA_CLUSTER_NAME / KAFKA_BROKERS. */
function refuseDefaultConnectionChange(
  stored: TRegisteredCluster,
  settings: TClusterSettings,
  connection: TClusterConnection,
) {
  const isSame =
    settings.name === stored.name &&
    connectionKey(connection) === connectionKey({ bootstrapServers: stored.bootstrapServers, sasl: null, tls: null });
  if (!isSame) {
    throw new AppError(
      "BAD_INPUT",
      `The cluster ${stored.name} is Tributary's default, set by KAFKA_CLUSTER_NAME and KAFKA_BROKERS, so its name and connection are changed there.`,
      "Its label, colour and read-only mode can be changed here.",
    );
  }
}

export async function updateCluster(
  by: TAuditActor,
  clusterId: string,
  settings: TClusterSettings,
): Promise<TRegisteredCluster> {
  const stored = await getCluster(clusterId);
  await refuseTakenName(settings.name, stored.id);
  const connection = connectionFrom(settings, stored);
  if (stored.isDefault) refuseDefaultConnectionChange(stored, settings, connection);
  const storedConnection = {
    bootstrapServers: stored.bootstrapServers,
    sasl: stored.security.sasl,
    tls: stored.security.tls,
  };
  const isConnectionChanged =
    stored.security.unreadable !== undefined || connectionKey(connection) !== connectionKey(storedConnection);
  const columns = columnsFrom(stored.id, settings, connection);
  // A label or colour change needs no broker; a new address, login or certificate is tested first.
  if (isConnectionChanged) await requirePassingTest(connection);
  await auditedAction(
    {
      by,
      action: "cluster.update",
      clusterId: stored.id,
      target: stored.name,
      details: { ...auditDetailsOf(settings), isConnectionChanged },
    },
    () => updateClusterRow(stored.id, columns),
  );
  if (isConnectionChanged) await disconnectCluster(stored.id);
  return getCluster(stored.id);
}

export async function removeCluster(by: TAuditActor, clusterId: string, confirmation: string): Promise<void> {
  const stored = await getCluster(clusterId);
  if (stored.isDefault) {
    throw new AppError(
      "BAD_INPUT",
      `The cluster ${stored.name} is Tributary's default (KAFKA_BROKERS), registered again at every start, so it cannot be removed here.`,
      "Point KAFKA_BROKERS at another cluster and restart Tributary.",
    );
  }
  if (confirmation !== stored.name) {
    throw new AppError("BAD_INPUT", `Type the cluster's name, ${stored.name}, to remove it.`);
  }
  // The audit row's cluster reference is cleared when the cluster goes, so its id is kept in the details.
  await auditedAction(
    { by, action: "cluster.remove", clusterId: stored.id, target: stored.name, details: { clusterId: stored.id } },
    () => deleteClusterRecord(stored.id),
  );
  await disconnectCluster(stored.id);
}
