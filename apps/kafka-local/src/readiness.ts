import type { BrokerProcess } from "./broker-process";
import { KafkaLocalError } from "./errors";
import { describeLogTail } from "./log-tail";
import { aliveBrokerIds } from "./probe";
import { pollUntil } from "./wait";

export const STARTUP_TIMEOUT_MS = 90_000;

export type ReadinessTarget = { broker: BrokerProcess; host: string; port: number; logFile: string };

/**
 * Resolves once the broker answers a Metadata request that lists every id in `expectedIds`
 * (itself included, i.e. it is registered and unfenced). Fails early, with the end of its log,
 * if the JVM exits or the time runs out.
 */
export async function waitUntilBrokerReady(
  target: ReadinessTarget,
  expectedIds: readonly number[],
  timeoutMs = STARTUP_TIMEOUT_MS,
): Promise<void> {
  const { broker, host, port, logFile } = target;
  const stopPolling = new AbortController();
  const sees = (ids: number[]) => expectedIds.every((id) => ids.includes(id));
  const answered = pollUntil(
    async () => {
      const ids = await aliveBrokerIds(host, port, 2_000).catch(() => undefined);
      return ids && sees(ids) ? true : undefined;
    },
    { timeoutMs, intervalMs: 250, abort: stopPolling.signal },
  );
  const died = broker.exited.then((exit) => ({ exit }));
  try {
    const outcome = await Promise.race([answered.then((ready) => ({ ready })), died]);
    if ("exit" in outcome) {
      const how = outcome.exit.signal
        ? `was killed by ${outcome.exit.signal}`
        : `exited with code ${outcome.exit.code}`;
      throw new KafkaLocalError(
        `Kafka node ${broker.nodeId} ${how} during start-up; ${await describeLogTail(logFile)}.`,
      );
    }
    if (!outcome.ready) {
      throw new KafkaLocalError(
        `Kafka node ${broker.nodeId} did not answer a metadata request on ${host}:${port} listing brokers ${expectedIds.join(", ")} within ${Math.round(timeoutMs / 1000)} s; ${await describeLogTail(logFile)}.`,
      );
    }
  } finally {
    stopPolling.abort();
    await answered.catch(() => undefined);
  }
}
