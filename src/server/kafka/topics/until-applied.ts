import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { AppError } from "~/lib/app-error";

/** kafkajs waits the same 100 ms between metadata checks in createTopics' waitForLeaders. */
const CHECK_INTERVAL_MS = 100;
const TIMEOUT_MS = 5_000;

/**
 * Resolves once `isApplied` says so. In KRaft mode the controller answers a change as soon as it
 * is committed to the metadata log, and each broker applies it a moment later: until then a
 * broker still reports the old configs or is not yet leader of new partitions. Waiting here gives
 * the caller read-your-writes, and keeps the next read-modify-write from working on stale configs.
 */
export async function untilApplied(isApplied: () => Promise<boolean>, change: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await isApplied())) {
    if (Date.now() > deadline) {
      throw new AppError(
        "TIMEOUT",
        `Kafka accepted the ${change}, but the brokers did not apply it within ${TIMEOUT_MS / 1000} seconds.`,
        "Refresh in a moment to see whether it took effect.",
      );
    }
    await delay(CHECK_INTERVAL_MS);
  }
}
