import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { KafkaLocalError } from "./errors";
import { requireMaven } from "./prerequisites";
import { lastLines, runCommand } from "./run-command";

/**
 * The Kafka release we run. 4.3.1 rather than 4.4.0: Maven Central lacks kafka-tools-api:4.4.0
 * (a declared dependency of kafka_2.13:4.4.0, so resolution fails) and kafka-tools:4.4.0.
 * Keep in sync with kafka.version in ../pom.xml (we pass it explicitly anyway).
 */
export const KAFKA_VERSION = "4.3.1";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(appDir, "..", "..");
const pomFile = join(appDir, "pom.xml");
/** Written last, so a half-finished copy is never mistaken for a complete cache. */
const COMPLETE_MARKER = ".complete";

/** Shared by every data dir (1- and 3-broker layouts, tests): jars depend only on the version. */
export function kafkaLibsDir(version: string = KAFKA_VERSION): string {
  return join(repoRoot, ".data", "kafka-local", `libs-${version}`);
}

/** The java -cp value; the JVM expands `dir/*` to every jar in it. */
export function kafkaClasspath(libsDir: string): string {
  return join(libsDir, "*");
}

/** Returns the jar directory, fetching the jars with Maven only when the cache is missing. */
export async function ensureKafkaJars(version: string = KAFKA_VERSION): Promise<string> {
  const libsDir = kafkaLibsDir(version);
  if (await exists(join(libsDir, COMPLETE_MARKER))) return libsDir;

  await requireMaven();
  // Copy into a private folder and rename at the end, so two concurrent starts never see half a cache.
  const stagingDir = `${libsDir}.staging-${process.pid}`;
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(dirname(libsDir), { recursive: true });
  const result = await runCommand("mvn", [
    "-q",
    "-B",
    "-f",
    pomFile,
    `-Dkafka.version=${version}`,
    "dependency:copy-dependencies",
    `-DoutputDirectory=${stagingDir}`,
  ]);
  if (!result || result.exitCode !== 0) {
    await rm(stagingDir, { recursive: true, force: true });
    const detail = result ? lastLines(result.output.replace(/\u001b\[[0-9;]*m/g, ""), 3) : "mvn not found";
    throw new KafkaLocalError(
      `Fetching the Kafka ${version} jars from Maven Central failed (${detail}); check that https://repo.maven.apache.org is reachable and retry.`,
    );
  }
  await writeFile(join(stagingDir, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  try {
    await rename(stagingDir, libsDir);
  } catch (error) {
    // Another process finished first (target exists and is not empty): use its copy.
    await rm(stagingDir, { recursive: true, force: true });
    if (!(await exists(join(libsDir, COMPLETE_MARKER)))) throw error;
  }
  return libsDir;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
