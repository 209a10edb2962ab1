/**
 * How a runner learns of deploys, stops and resumes within a second or two: LISTEN on the
 * deployments channel wakes it at once, and a poll every RUNNER_HEARTBEAT_MS reads every deployment
 * anyway, so a notification lost in a database outage only delays a change. Reads never overlap:
 * a wake-up during a pass runs one more pass after it.
 */
import { RUNNER_HEARTBEAT_MS } from "~/domain/pipelines/runtime/naming";
import { listenForDeployments } from "~/server/db/deployment-notifications";
import { listDeployments, type TDeploymentRow } from "~/server/db/pipeline-deployments";
import { sentenceOf } from "./sentence-of";

export type TDeploymentWatch = { stop(): Promise<void> };

export function watchDeployments(
  apply: (deployments: TDeploymentRow[]) => Promise<void>,
  log: (line: string) => void,
): TDeploymentWatch {
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;
  let failing = false;

  const pass = async () => {
    try {
      const deployments = await listDeployments();
      if (stopped) return;
      if (failing) log("Reading deployments from PostgreSQL works again.");
      failing = false;
      await apply(deployments);
    } catch (error) {
      // Members keep running on what they have; one line when reading starts failing.
      if (!failing) log(`Could not read the deployments: ${sentenceOf(error)} Members keep running; trying again.`);
      failing = true;
    }
  };

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again && !stopped);
      running = null;
    })();
  };

  const listener = listenForDeployments(() => wake(), { onStatus: log });
  const poll = setInterval(wake, RUNNER_HEARTBEAT_MS);
  wake();

  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      await listener.stop();
      await running;
    },
  };
}
