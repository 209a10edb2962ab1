/**
 * A web server's background work without the web server: starts the jobs exactly as
 * src/instrumentation.ts does (startBackgroundWork), for tests that run several "servers" on one
 * database. Prints `ready <holder id>` once started and `pass <worker> <passes>` after each pass of
 * a worker, so that a test can wait for a pass instead of sleeping. SIGTERM stops the workers
 * gracefully (their leases are given up); SIGKILL is a server dying.
 */
import { processHolderId } from "~/server/workers/process-identity";
import { stopAllWorkers, workerStatuses } from "~/server/workers/worker-registry";
import { startBackgroundWork } from "~/server/services/workers/background-work";
import { disconnectAllClusters } from "~/server/kafka/client-registry";

startBackgroundWork();
console.log(`ready ${processHolderId()}`);

const reported = new Map<string, number>();
const reporter = setInterval(() => {
  for (const status of workerStatuses()) {
    if (status.passes === (reported.get(status.name) ?? 0)) continue;
    reported.set(status.name, status.passes);
    console.log(`pass ${status.name} ${status.passes}${status.lastError ? ` error: ${status.lastError}` : ""}`);
  }
}, 50);

process.once("SIGTERM", () => {
  clearInterval(reporter);
  void stopAllWorkers()
    .then(() => disconnectAllClusters())
    .finally(() => process.exit(0));
});

// The test that started this process is gone (its end of stdin closed): so is this "server".
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
