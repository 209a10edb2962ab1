import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { TGroupSummary } from "~/domain/groups/group-dto";

const STATE_TONES: Record<string, BadgeTone> = {
  Stable: "ok",
  PreparingRebalance: "warn",
  CompletingRebalance: "warn",
  Assigning: "warn",
  Reconciling: "warn",
  Empty: "neutral",
  Dead: "danger",
};

/** The group's state; says so when a KIP-848 group's state could not be read. */
export function GroupStateBadge({ group }: { group: Pick<TGroupSummary, "state" | "type"> }) {
  if (group.state === "Unknown") {
    return (
      <span title="The broker did not answer ConsumerGroupDescribe, which describes groups of the new consumer protocol">
        <Badge>state not visible</Badge>
      </span>
    );
  }
  return <Badge tone={STATE_TONES[group.state] ?? "neutral"}>{group.state}</Badge>;
}

/** Classic protocol or Kafka 4's new consumer protocol (KIP-848). */
export function GroupTypeBadge({ group }: { group: Pick<TGroupSummary, "type" | "protocolType"> }) {
  if (group.type === "consumer") return <Badge tone="accent">consumer (KIP-848)</Badge>;
  return <Badge>{group.protocolType ? `classic · ${group.protocolType}` : "classic"}</Badge>;
}
