import "vitest";

/** Values the integration global setup (test/global-setup.ts) provides to every test file via `inject`. */
declare module "vitest" {
  export interface ProvidedContext {
    kafkaBrokers: string;
    databaseUrl: string;
  }
}
