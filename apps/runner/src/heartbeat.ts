/**
 * The runner's heartbeat: every RUNNER_HEARTBEAT_MS its row is renewed and its member rows are
 * replaced with what the members report, in one transaction. A runner whose heartbeat stops (a
 * crash, a lost machine) is shown as gone after RUNNER_GONE_AFTER_MS.
 */
import { RUNNER_HEARTBEAT_MS } from "~/domain/pipelines/runtime/naming";
import { reportHeartbeat, type TMemberReport } from "~/server/db/pipeline-runners";
import { sentenceOf } from "./sentence-of";

export type THeartbeat = {
  /** Reports now (after a change people should see at once), unless a report is under way. */
  beat(): Promise<void>;
  stop(): Promise<void>;
};

export function startHeartbeat(
  runnerId: string,
  reports: () => TMemberReport[],
  log: (line: string) => void,
): THeartbeat {
  let inFlight: Promise<void> | null = null;
  let failing = false;

  const beat = () => {
    inFlight ??= (async () => {
      try {
        await reportHeartbeat(runnerId, reports());
        if (failing) log("The heartbeat reaches PostgreSQL again.");
        failing = false;
      } catch (error) {
        // Members keep running; the runner shows as gone until the database answers again.
        if (!failing) log(`Could not write the heartbeat: ${sentenceOf(error)}`);
        failing = true;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };

  const timer = setInterval(() => void beat(), RUNNER_HEARTBEAT_MS);
  return {
    beat,
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
