import { ClipboardList } from "lucide-react";
import Link from "next/link";
import { DriftBadge } from "~/components/definitions/definition-badges";
import { planHref } from "~/components/definitions/definition-links";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import type { TDefinitionDetail } from "~/domain/definitions/definition-dto";
import type { TDriftField } from "~/domain/definitions/drift";
import { readableConfigValue } from "~/features/topics/detail/config-display";

const FIELD_LABELS: Record<string, string> = { partitions: "Partitions", replicationFactor: "Replication factor" };

function fieldLabel(field: TDriftField["field"]): string {
  return FIELD_LABELS[field] ?? field.replace(/^configs\./, "");
}

function ValueCell({ field, value }: { field: TDriftField["field"]; value: string | null }) {
  if (value === null) return <span className="text-muted">not set</span>;
  const readable = field.startsWith("configs.") ? readableConfigValue(field.slice("configs.".length), value) : null;
  return (
    <>
      <span className="font-mono">{value}</span>
      {readable ? <span className="text-muted"> ({readable})</span> : null}
    </>
  );
}

/** The definition against the live topic, field by field, with the way to a plan that closes the gap. */
export function DriftPanel({ clusterId, detail }: { clusterId: string; detail: TDefinitionDetail }) {
  const { drift } = detail;
  const summary = drift
    ? { state: drift.state, fieldCount: drift.fields.length }
    : { state: "unknown" as const, fieldCount: 0, sentence: detail.driftFailure ?? undefined };
  return (
    <Card aria-labelledby="drift-heading" data-testid="drift-panel">
      <CardHeader
        title={
          <span id="drift-heading" className="flex items-center gap-2">
            Drift <DriftBadge drift={summary} />
          </span>
        }
        description="The definition against what Kafka holds now."
        actions={
          drift && drift.state !== "in-sync" ? (
            <Button asChild>
              <Link href={planHref(clusterId, [detail.topicName])}>
                <ClipboardList aria-hidden className="size-4" />
                Plan changes
              </Link>
            </Button>
          ) : null
        }
      />
      <div className="px-5 py-4">
        {!drift ? (
          <Banner tone="warn" title={detail.driftFailure ?? "Kafka could not be asked about this topic."}>
            The drift shows again once Kafka answers; this page keeps asking.
          </Banner>
        ) : drift.state === "missing" ? (
          <p className="text-sm">The topic does not exist in Kafka. Applying the plan creates it as defined.</p>
        ) : drift.fields.length === 0 ? (
          <p className="text-sm">Kafka holds what the definition says.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="text-muted text-left text-xs">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Field
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Intended
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Live
                </th>
              </tr>
            </thead>
            <tbody>
              {drift.fields.map((field) => (
                <tr
                  key={field.field}
                  className="border-line border-t"
                  data-testid="drift-field"
                  data-field={field.field}
                >
                  <td className="py-2 pr-3 font-mono text-xs">{fieldLabel(field.field)}</td>
                  <td className="px-3 py-2">
                    <ValueCell field={field.field} value={field.intended} />
                  </td>
                  <td className="px-3 py-2">
                    <ValueCell field={field.field} value={field.live} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}
