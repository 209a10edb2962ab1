import "vitest";

/** Values the integration global setup (test/global-setup.ts) provides to every test file via `inject`. */
declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- only an interface can extend vitest's declaration
  export interface ProvidedContext {
    kafkaBrokers: string;
    databaseUrl: string;
  }
}
