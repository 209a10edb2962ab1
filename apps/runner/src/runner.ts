/**
 * A pipeline runner: reads deployments from PostgreSQL and runs every step of every running
 * deployment as members of the step's consumer group (`tributary.<slug>.<nodeId>`). Kafka shares
 * the partitions among all runners' members; runners never talk to each other.
 * (Placeholder of the shared contract: the runner work fills it.)
 */
export type TRunnerOptions = {
  /** Default: a new UUID. */
  id?: string;
  /** One line per event a person reads ("step clean-1 of Telemetry anomalies runs revision 3"). */
  log?: (line: string) => void;
};

export type TRunner = {
  id: string;
  /** Graceful: members finish and commit the batch in flight, leave their groups; the runner row is marked stopped. */
  stop(): Promise<void>;
};

export async function startRunner(options: TRunnerOptions = {}): Promise<TRunner> {
  void options;
  throw new Error("The runner is not built yet.");
}
