import { KafkaLocalError } from "./errors";
import { runCommand } from "./run-command";

const MINIMUM_JAVA = 17;

/** Kafka 4 brokers need Java 17+; say so in one sentence rather than letting the JVM fail cryptically. */
export async function requireJava(): Promise<void> {
  const result = await runCommand("java", ["-version"]);
  if (!result || result.exitCode !== 0) {
    throw new KafkaLocalError(
      "Java 17+ is required to run the local Kafka: install it (e.g. apt-get install openjdk-17-jre-headless) or point KAFKA_BROKERS at an existing cluster.",
    );
  }
  const major = parseJavaMajorVersion(result.output);
  if (major !== undefined && major < MINIMUM_JAVA) {
    throw new KafkaLocalError(
      `Java ${MINIMUM_JAVA}+ is required to run the local Kafka but \`java\` is Java ${major}: install a newer one (e.g. apt-get install openjdk-17-jre-headless) or point KAFKA_BROKERS at an existing cluster.`,
    );
  }
}

/** Maven fetches the Kafka jars from Maven Central; it is only needed while the jar cache is empty. */
export async function requireMaven(): Promise<void> {
  const result = await runCommand("mvn", ["-v"]);
  if (!result || result.exitCode !== 0) {
    throw new KafkaLocalError(
      "Maven is required to fetch the Kafka jars for the local Kafka: install it (e.g. apt-get install maven) or point KAFKA_BROKERS at an existing cluster.",
    );
  }
}

/** `java -version` prints e.g. `openjdk version "17.0.15"` or, before Java 9, `"1.8.0_392"`. */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}
