import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { TGroupSummary } from "~/domain/groups/group-dto";

const STATE_TONES: Record<string, BadgeTone> = {
  Stable: "ok",
  PreparingRebalance: "warn",
  CompletingRebalance: "warn",
  Empty: "neutral",
  Dead: "danger",
};

/** The group's state; a KIP-848 group's is not visible to this client, and says so. */
export function GroupStateBadge({ group }: { group: Pick<TGroupSummary, "state" | "type"> }) {
  if (group.type === "consumer") {
    return (
      <span title="Kafka's classic DescribeGroups cannot see groups of the new consumer protocol">
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
