import { inject } from "vitest";

// Runs before each integration test file imports anything, so src/env.ts parses these values:
// the app code under test reaches the test Kafka and the test database exactly as it would in production.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.KAFKA_BROKERS = inject("kafkaBrokers");
process.env.KAFKA_CLUSTER_NAME = "integration";
