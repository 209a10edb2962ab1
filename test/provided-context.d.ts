import "vitest";
import type { TKafkaSecured } from "./services";

/** Values the integration global setup (test/global-setup.ts) provides to every test file via `inject`. */
declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- only an interface can extend vitest's declaration
  export interface ProvidedContext {
    kafkaBrokers: string;
    /** The same broker's SCRAM and TLS listeners, with the SCRAM user and the CA. */
    kafkaSecured: TKafkaSecured;
    databaseUrl: string;
  }
}
