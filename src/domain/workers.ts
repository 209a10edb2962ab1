/** The one registry of long-lived work, as the workers page shows it (web servers and runners alike). */

/** every-server: each web server runs its own (live tails, shared polls); one-server: one holder at a time, by lease. */
export const WORKER_SCOPES = ["every-server", "one-server"] as const;
export type TWorkerScope = (typeof WORKER_SCOPES)[number];

/** standby: a one-server job another process holds the lease of. */
export const WORKER_STATES = ["running", "waiting", "standby", "stopped"] as const;
export type TWorkerState = (typeof WORKER_STATES)[number];

export type TWorkerStatusDto = {
  name: string;
  description: string;
  scope: TWorkerScope;
  state: TWorkerState;
  /** "web" for a web server, "runner" for a pipeline runner. */
  processKind: "web" | "runner";
  /** `<host>:<pid>` of the process that reports it; for a one-server job in standby, the holder's. */
  holder: string | null;
  passes: number;
  lastPassAt: Date | null;
  lastError: string | null;
};
