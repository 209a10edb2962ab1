import { kafkaClasspath } from "./jars";

/**
 * JVM flags for a broker: a modest heap so three brokers fit on a 2-core laptop, and the G1 settings
 * of Kafka's own kafka-server-start.sh. Logging goes through slf4j-simple to stderr.
 */
export function brokerJvmArgs(libsDir: string, propertiesFile: string): string[] {
  return [
    "-Xms256m",
    "-Xmx512m",
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:InitiatingHeapOccupancyPercent=35",
    "-XX:+ExplicitGCInvokesConcurrent",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djava.awt.headless=true",
    ...slf4jSimpleFlags("info"),
    "-cp",
    kafkaClasspath(libsDir),
    "kafka.Kafka",
    propertiesFile,
  ];
}

/** JVM args for a Kafka command-line tool class from the same jars (e.g. kafka.tools.StorageTool). */
export function toolJvmArgs(libsDir: string, mainClass: string, args: readonly string[]): string[] {
  return [
    "-Xmx256m",
    "-Djava.awt.headless=true",
    ...slf4jSimpleFlags("warn"),
    "-cp",
    kafkaClasspath(libsDir),
    mainClass,
    ...args,
  ];
}

function slf4jSimpleFlags(level: "info" | "warn"): string[] {
  return [
    `-Dorg.slf4j.simpleLogger.defaultLogLevel=${level}`,
    "-Dorg.slf4j.simpleLogger.showDateTime=true",
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
    // Kafka logs one line per request at debug/trace only; these two are chatty at info.
    "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn",
    "-Dorg.slf4j.simpleLogger.log.kafka.request.logger=warn",
  ];
}
