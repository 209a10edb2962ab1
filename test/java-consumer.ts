import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/**
 * Kafka's own console consumer from the cached jars, on Kafka 4's new consumer protocol (KIP-848):
 * a real member of a kind kafkajs cannot be. Kill it with `stopJavaConsumer`.
 */
export function startJavaConsumer(brokers: string, topic: string, groupId: string): ChildProcess {
  return spawn(
    "java",
    [
      "-cp",
      ".data/kafka-local/libs-4.3.1/*",
      "org.apache.kafka.tools.consumer.ConsoleConsumer",
      "--bootstrap-server",
      brokers,
      "--topic",
      topic,
      "--group",
      groupId,
      "--consumer-property",
      "group.protocol=consumer",
    ],
    { stdio: "ignore" },
  );
}

export async function stopJavaConsumer(java: ChildProcess): Promise<void> {
  if (java.exitCode !== null || java.signalCode !== null) return;
  java.kill("SIGKILL");
  await once(java, "exit");
}
