import { Badge } from "~/components/ui/badge";
import type { TDefinitionSummary } from "~/domain/definitions/definition-dto";
import { pluralize } from "~/lib/format";
import { conformanceShare, formatCheckedAt } from "./conformance-text";

type TDriftSummary = TDefinitionSummary["drift"];
type TConformanceSummary = TDefinitionSummary["conformance"];

/** In sync, drifted (how many fields), missing from Kafka, or unknown (Kafka could not be asked, with why). */
export function DriftBadge({ drift }: { drift: TDriftSummary }) {
  switch (drift.state) {
    case "in-sync":
      return <Badge tone="ok">in sync</Badge>;
    case "drifted":
      return <Badge tone="warn">drifted {pluralize(drift.fieldCount, "field")}</Badge>;
    case "missing":
      return <Badge tone="danger">missing in Kafka</Badge>;
    case "unknown":
      return (
        <span title={drift.sentence} className="inline-flex items-center gap-1">
          <Badge>drift unknown</Badge>
          {drift.sentence ? <span className="sr-only">{drift.sentence}</span> : null}
        </span>
      );
  }
}

/** "97% of 600 match · 5 min ago", "not checked", or the reason the last check could not run. */
export function ConformanceBadge({ conformance, now }: { conformance: TConformanceSummary; now?: Date }) {
  if (!conformance) return <Badge>not checked</Badge>;
  const when = formatCheckedAt(conformance.checkedAt, now ?? new Date());
  if (conformance.failure) {
    return (
      <span title={conformance.failure}>
        <Badge tone="danger">check failed {when}</Badge>
        <span className="sr-only">{conformance.failure}</span>
      </span>
    );
  }
  if (conformance.sampled === 0) return <Badge>no messages to check · {when}</Badge>;
  const share = conformanceShare(conformance.matched, conformance.sampled);
  const tone = conformance.matched === conformance.sampled ? "ok" : share >= 95 ? "warn" : "danger";
  return (
    <Badge tone={tone}>
      {share}% of {conformance.sampled} match · {when}
    </Badge>
  );
}
