import { startKafka, stopKafkaFromState } from "../apps/kafka-local/src/cluster";
import { provisionTestDatabase } from "../src/server/db/test-database";
import { TEST_KAFKA_BASE_PORT, TEST_KAFKA_DIR } from "./test-kafka";
const TEST_POSTGRES_DIR = ".data/test/postgres";
const TEST_POSTGRES_PORT = 25432;

export type TestServices = { kafkaBrokers: string; databaseUrl: string; stop(): Promise<void> };

/**
 * Starts a fresh single-broker Kafka and a fresh database (on `databaseUrl`'s server when given,
 * else an embedded PostgreSQL), both wiped first, both removed by `stop`.
 */
export async function startTestServices(options: { databaseUrl?: string }): Promise<TestServices> {
  const [kafka, database] = await Promise.all([
    startKafka({ dataDir: TEST_KAFKA_DIR, basePort: TEST_KAFKA_BASE_PORT, clean: true }),
    provisionTestDatabase({ databaseUrl: options.databaseUrl, dataDir: TEST_POSTGRES_DIR, port: TEST_POSTGRES_PORT }),
  ]);
  return {
    kafkaBrokers: kafka.bootstrapServers,
    databaseUrl: database.databaseUrl,
    // A test may have stopped and restarted the broker, so stop whatever the state file names now.
    stop: async () => {
      await Promise.allSettled([stopKafkaFromState(TEST_KAFKA_DIR), database.cleanup()]);
    },
  };
}
