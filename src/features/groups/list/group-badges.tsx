import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { TGroupSummary } from "~/domain/groups/group-dto";

const STATE_TONES: Record<string, BadgeTone> = {
  Stable: "ok",
  PreparingRebalance: "warn",
  CompletingRebalance: "warn",
  Assigning: "warn",
  Reconciling: "warn",
  // A streams group waiting for its internal topics.
  NotReady: "warn",
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

/** Classic protocol, Kafka 4's new consumer protocol (KIP-848), a share group or a streams group. */
export function GroupTypeBadge({ group }: { group: Pick<TGroupSummary, "type" | "protocolType"> }) {
  if (group.type === "consumer") return <Badge tone="accent">consumer (KIP-848)</Badge>;
  if (group.type === "share") return <Badge tone="accent">share group (KIP-932)</Badge>;
  if (group.type === "streams") return <Badge tone="accent">streams (KIP-1071)</Badge>;
  return <Badge>{group.protocolType ? `classic · ${group.protocolType}` : "classic"}</Badge>;
}
