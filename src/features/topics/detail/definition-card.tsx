"use client";

import { useQuery } from "@tanstack/react-query";
import { BookOpen } from "lucide-react";
import Link from "next/link";
import { useMe } from "~/components/auth/use-me";
import { ConformanceBadge, DriftBadge } from "~/components/definitions/definition-badges";
import { definitionHref, importHref } from "~/components/definitions/definition-links";
import { Badge } from "~/components/ui/badge";
import { LAYER_LABELS, SCHEMA_FORMAT_LABELS } from "~/domain/definitions/definition";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

/** The topic's definition at a glance (layer, owner, schema, drift, conformance), or the way to define it. */
export function DefinitionCard({ clusterId, topicName }: { clusterId: string; topicName: string }) {
  const trpc = useTRPC();
  const { can } = useMe();
  const query = useQuery(trpc.definitions.get.queryOptions({ clusterId, topicName }));
  const row =
    "border-line bg-surface flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border px-4 py-2.5 text-sm";
  const icon = <BookOpen aria-hidden className="text-muted size-4" />;

  if (query.isPending) return null;
  // The topic page is about Kafka: a definition that cannot be read is a quiet line, not an alarm.
  if (query.isError) {
    return (
      <p className="text-muted flex items-center gap-2 text-sm" data-testid="definition-card">
        {icon}
        Definition unavailable: {toUserMessage(query.error).message}
      </p>
    );
  }
  const detail = query.data;
  if (!detail) {
    return (
      <div className={row} data-testid="definition-card">
        {icon}
        <span className="text-muted">Not defined: no layer, owner or schema is recorded for this topic.</span>
        {can("operator").allowed ? (
          <Link href={importHref(clusterId, [topicName])} className="text-accent font-medium hover:underline">
            Define this topic
          </Link>
        ) : null}
      </div>
    );
  }
  const latest = detail.schemaVersions.at(-1);
  const drift = detail.drift
    ? { state: detail.drift.state, fieldCount: detail.drift.fields.length }
    : { state: "unknown" as const, fieldCount: 0, sentence: detail.driftFailure ?? undefined };
  return (
    <div className={row} data-testid="definition-card">
      {icon}
      <Badge tone="accent">{LAYER_LABELS[detail.layer]}</Badge>
      <span>
        <span className="text-muted">Owner </span>
        {detail.owner}
      </span>
      <span>
        <span className="text-muted">Schema </span>
        {latest ? `${SCHEMA_FORMAT_LABELS[latest.format]} v${latest.version}` : "none"}
      </span>
      <DriftBadge drift={drift} />
      <ConformanceBadge conformance={detail.conformance} />
      <Link href={definitionHref(clusterId, topicName)} className="text-accent ml-auto font-medium hover:underline">
        Open the definition
      </Link>
    </div>
  );
}
