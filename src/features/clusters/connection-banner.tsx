import type { TClusterHealth } from "~/domain/cluster";
import { Banner } from "~/components/ui/banner";
import { formatDuration } from "~/lib/format";

type SubscriptionStatus = "idle" | "connecting" | "pending" | "error";

/** Says plainly when the page is not live: Kafka down, or the Tributary server itself not answering. */
export function ConnectionBanner({
  health,
  subscriptionStatus,
}: {
  health: TClusterHealth | undefined;
  subscriptionStatus: SubscriptionStatus;
}) {
  if (subscriptionStatus === "error" || (subscriptionStatus === "connecting" && health)) {
    return (
      <Banner tone="warn" title="Lost the connection to the Tributary server — reconnecting">
        The figures below are from before the connection dropped.
      </Banner>
    );
  }
  if (health?.status !== "unreachable") return null;
  const title = health.message.startsWith("Kafka is unreachable")
    ? `Kafka is unreachable at ${health.bootstrapServers} — retrying`
    : `${health.message.replace(/\.$/, "")} — retrying`;
  return (
    <Banner tone="danger" title={title}>
      {health.hint ? `${health.hint} ` : null}
      Next attempt in {formatDuration(health.retryInMs)}.
      {health.lastOverview ? " The figures below are the last ones seen." : null}
    </Banner>
  );
}
