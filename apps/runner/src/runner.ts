/**
 * A pipeline runner: reads deployments from PostgreSQL and runs every step of every running
 * deployment as members of the step's consumer group (`tributary.<slug>.<nodeId>`). Kafka shares
 * the partitions among all runners' members; runners never talk to each other.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { markRunnerStopped, registerRunner } from "~/server/db/pipeline-runners";
import { watchDeployments } from "./deployment-watch";
import { enrichTables } from "./enrich-tables";
import { startHeartbeat } from "./heartbeat";
import { supervisor } from "./supervisor";
import { sentenceOf } from "./sentence-of";

export type TRunnerOptions = {
  /** Default: a new UUID. */
  id?: string;
  /** One line per event a person reads ("Step clean-1 of Telemetry anomalies runs revision 3 …"). */
  log?: (line: string) => void;
};

export type TRunner = {
  id: string;
  /** Graceful: members finish and commit the batch in flight, leave their groups; the runner row is marked stopped. */
  stop(): Promise<void>;
};

export async function startRunner(options: TRunnerOptions = {}): Promise<TRunner> {
  const id = options.id ?? randomUUID();
  const log = options.log ?? (() => undefined);
  const host = hostname();
  await registerRunner({ id, host, pid: process.pid });

  const tables = enrichTables(log);
  const members = supervisor({ runnerLabel: `${host}:${process.pid}`, tables, log });
  const heartbeat = startHeartbeat(id, () => members.reports(), log);
  const watch = watchDeployments(async (deployments) => {
    await members.reconcile(deployments);
    // Starts, stops and restarts show on the graph at once rather than at the next beat.
    await heartbeat.beat();
  }, log);
  await heartbeat.beat();

  let stopping: Promise<void> | null = null;
  return {
    id,
    stop() {
      stopping ??= (async () => {
        await watch.stop();
        await members.stopAll();
        await heartbeat.stop();
        tables.close();
        try {
          await markRunnerStopped(id);
        } catch (error) {
          log(`Could not mark the runner stopped: ${sentenceOf(error)}`);
        }
        log(`Runner ${id} stopped.`);
      })();
      return stopping;
    },
  };
}
