import { inject } from "vitest";

// Runs before each integration test file imports anything, so src/env.ts parses these values:
// the app code under test reaches the test Kafka and the test database exactly as it would in production.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.KAFKA_BROKERS = inject("kafkaBrokers");
process.env.KAFKA_CLUSTER_NAME = "integration";
// Cluster secrets are sealed with this key in integration tests (a test key, never a real one).
process.env.TRIBUTARY_SECRET_KEY = "5d1f0c3b8a7e4f2d9c6b1a0e3f8d7c6b5a4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c";
