import type { TestProject } from "vitest/node";
import { startTestServices, type TKafkaSecured } from "./services";

/**
 * Integration tests run against a real Kafka broker and a real PostgreSQL. `npm test` starts both
 * once and passes their addresses in TRIBUTARY_TEST_KAFKA_BROKERS / TRIBUTARY_TEST_KAFKA_SECURED (JSON) /
 * TRIBUTARY_TEST_DATABASE_URL; run on its own (`npx vitest --project integration`), this setup
 * starts and stops its own.
 */
export default async function setup(project: TestProject) {
  const kafkaBrokers = process.env.TRIBUTARY_TEST_KAFKA_BROKERS;
  const kafkaSecured = process.env.TRIBUTARY_TEST_KAFKA_SECURED;
  const databaseUrl = process.env.TRIBUTARY_TEST_DATABASE_URL;
  if (kafkaBrokers && kafkaSecured && databaseUrl) {
    project.provide("kafkaBrokers", kafkaBrokers);
    project.provide("kafkaSecured", JSON.parse(kafkaSecured) as TKafkaSecured);
    project.provide("databaseUrl", databaseUrl);
    return;
  }
  const services = await startTestServices({ databaseUrl: process.env.DATABASE_URL });
  project.provide("kafkaBrokers", services.kafkaBrokers);
  project.provide("kafkaSecured", services.secured);
  project.provide("databaseUrl", services.databaseUrl);
  return () => services.stop();
}
