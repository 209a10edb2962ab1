import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { displayPath, nodeIds, nodeLogDir, nodePropertiesFile, type BrokerCount } from "./config";
import { KafkaLocalError } from "./errors";
import { toolJvmArgs } from "./jvm";
import { lastLines, runCommand } from "./run-command";
import { addScramArguments, type ScramUser } from "./scram";

/**
 * What a data dir was formatted for; a 1-node and a 3-node quorum cannot share storage.
 * `scramUsername`: the SCRAM user the format wrote into the metadata (absent in dirs formatted before
 * there was one). `secured`: whether the last start had the SCRAM and TLS listeners, which a start
 * that does not say otherwise keeps.
 */
export type ClusterLayout = {
  clusterId: string;
  brokers: BrokerCount;
  kafkaVersion: string;
  scramUsername?: string;
  secured?: boolean;
};

const layoutFile = (dataDir: string) => join(dataDir, "cluster.json");

/**
 * A KRaft cluster id as Kafka's Uuid.randomUuid() makes it: a random (version 4) UUID in
 * unpadded base64url, never starting with "-" (the storage tool would read it as an option).
 */
export function newClusterId(): string {
  for (;;) {
    const bytes = randomBytes(16);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const id = bytes.toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

/** Deletes everything a previous cluster in `dataDir` stored, but keeps its logs folder. */
export async function wipeStorage(dataDir: string, brokers: BrokerCount): Promise<void> {
  const nodes = new Set([...nodeIds(brokers), ...nodeIds(3)]);
  await Promise.all([...nodes].map((id) => rm(nodeLogDir(dataDir, id), { recursive: true, force: true })));
  await rm(layoutFile(dataDir), { force: true });
}

/**
 * Formats every node whose log dir has no meta.properties yet (all of them on first start), with
 * one cluster id and the SCRAM user's credentials. Formatting runs the storage tool per node, in
 * parallel (each is a JVM start).
 */
export async function formatStorageIfNeeded(input: {
  dataDir: string;
  brokers: BrokerCount;
  libsDir: string;
  kafkaVersion: string;
  scramUser: ScramUser;
}): Promise<ClusterLayout> {
  const { dataDir, brokers, libsDir, kafkaVersion, scramUser } = input;
  const existing = await readLayout(dataDir);
  if (existing && existing.brokers !== brokers) {
    throw new KafkaLocalError(
      `${displayPath(dataDir)} holds a ${existing.brokers}-broker cluster, not ${brokers}: start it with --brokers ${existing.brokers}, use another --data-dir, or wipe it with --clean.`,
    );
  }
  const formattedId = existing ? undefined : await formattedClusterId(dataDir, brokers);
  const layout: ClusterLayout = existing ?? {
    clusterId: formattedId ?? newClusterId(),
    brokers,
    kafkaVersion,
    // A node formatted by an earlier run without cluster.json may lack the user; only a fresh format is sure.
    ...(formattedId ? {} : { scramUsername: scramUser.username }),
  };
  const unformatted: number[] = [];
  for (const id of nodeIds(brokers)) {
    if (!(await exists(join(nodeLogDir(dataDir, id), "meta.properties")))) unformatted.push(id);
  }
  await Promise.all(unformatted.map((id) => formatNode(libsDir, dataDir, id, layout.clusterId, scramUser)));
  if (!existing) await saveLayout(dataDir, layout);
  return layout;
}

export async function saveLayout(dataDir: string, layout: ClusterLayout): Promise<void> {
  await writeFile(layoutFile(dataDir), JSON.stringify(layout, null, 2) + "\n");
}

async function formatNode(
  libsDir: string,
  dataDir: string,
  nodeId: number,
  clusterId: string,
  scramUser: ScramUser,
): Promise<void> {
  await mkdir(nodeLogDir(dataDir, nodeId), { recursive: true });
  const config = nodePropertiesFile(dataDir, nodeId);
  const args = ["format", "--cluster-id", clusterId, "--config", config, ...addScramArguments(scramUser)];
  const result = await runCommand("java", toolJvmArgs(libsDir, "kafka.tools.StorageTool", args));
  if (!result || result.exitCode !== 0) {
    const detail = result ? lastLines(result.output, 3).replaceAll(scramUser.password, "***") : "java not found";
    throw new KafkaLocalError(
      `Formatting the storage of Kafka node ${nodeId} in ${displayPath(dataDir)} failed (${detail}); retry with --clean to start from empty storage.`,
    );
  }
}

/** The cluster.id a node was already formatted with, so a lost cluster.json does not split the cluster. */
async function formattedClusterId(dataDir: string, brokers: BrokerCount): Promise<string | undefined> {
  for (const id of nodeIds(brokers)) {
    try {
      const meta = await readFile(join(nodeLogDir(dataDir, id), "meta.properties"), "utf8");
      const match = /^cluster\.id=(.+)$/m.exec(meta);
      if (match?.[1]) return match[1].trim();
    } catch {
      // not formatted yet
    }
  }
  return undefined;
}

export async function readLayout(dataDir: string): Promise<ClusterLayout | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(layoutFile(dataDir), "utf8"));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { clusterId, brokers, kafkaVersion, scramUsername, secured } = parsed as Record<string, unknown>;
    if (typeof clusterId !== "string" || (brokers !== 1 && brokers !== 3)) return undefined;
    return {
      clusterId,
      brokers,
      kafkaVersion: typeof kafkaVersion === "string" ? kafkaVersion : "unknown",
      ...(typeof scramUsername === "string" ? { scramUsername } : {}),
      ...(typeof secured === "boolean" ? { secured } : {}),
    };
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
