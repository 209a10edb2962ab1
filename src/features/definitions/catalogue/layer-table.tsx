import Link from "next/link";
import { ConformanceBadge, DriftBadge } from "~/components/definitions/definition-badges";
import { definitionHref } from "~/components/definitions/definition-links";
import { Card, CardHeader } from "~/components/ui/card";
import { SCHEMA_FORMAT_LABELS } from "~/domain/definitions/definition";
import type { TDefinitionSummary } from "~/domain/definitions/definition-dto";
import { pluralize } from "~/lib/format";
import type { TCatalogueView, TLayerGroup } from "./catalogue-url";

type LayerTableProps = {
  clusterId: string;
  group: TLayerGroup;
  /** Narrows the catalogue to one tag or owner (a row's tag or owner was clicked). */
  onFilter: (change: Partial<TCatalogueView>) => void;
  now: Date;
};

/** One layer's definitions: owner, tags, schema, drift and conformance per topic. */
export function LayerTable({ clusterId, group, onFilter, now }: LayerTableProps) {
  const headingId = `layer-${group.layer}`;
  return (
    <Card aria-labelledby={headingId} data-testid="layer-group" data-layer={group.layer}>
      <CardHeader
        title={<span id={headingId}>{group.label}</span>}
        description={pluralize(group.definitions.length, "topic")}
      />
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-muted text-left text-xs">
            <tr>
              <th scope="col" className="px-3 py-2 pl-5 font-medium">
                Topic
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Owner
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Tags
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Schema
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Drift
              </th>
              <th scope="col" className="px-3 py-2 pr-5 font-medium">
                Conformance
              </th>
            </tr>
          </thead>
          <tbody>
            {group.definitions.map((definition) => (
              <DefinitionRow
                key={definition.topicName}
                clusterId={clusterId}
                definition={definition}
                onFilter={onFilter}
                now={now}
              />
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function DefinitionRow({
  clusterId,
  definition,
  onFilter,
  now,
}: {
  clusterId: string;
  definition: TDefinitionSummary;
  onFilter: LayerTableProps["onFilter"];
  now: Date;
}) {
  return (
    <tr className="border-line border-t align-top" data-testid="definition-row" data-topic={definition.topicName}>
      <td className="px-3 py-2 pl-5">
        <Link
          href={definitionHref(clusterId, definition.topicName)}
          className="text-accent font-mono break-all hover:underline"
        >
          {definition.topicName}
        </Link>
      </td>
      <td className="px-3 py-2">
        <button
          type="button"
          className="hover:text-accent text-left hover:underline"
          title={`Only topics owned by ${definition.owner}`}
          onClick={() => onFilter({ owner: definition.owner })}
        >
          {definition.owner}
        </button>
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-1">
          {definition.tags.map((tag) => (
            <button
              key={tag}
              type="button"
              className="bg-surface-raised text-muted hover:text-ink rounded-full px-2 py-0.5 text-xs"
              title={`Only topics tagged ${tag}`}
              onClick={() => onFilter({ tag })}
            >
              {tag}
            </button>
          ))}
        </div>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        {definition.schemaFormat ? (
          <>
            {SCHEMA_FORMAT_LABELS[definition.schemaFormat]}
            {definition.latestSchemaVersion !== null ? (
              <span className="text-muted"> v{definition.latestSchemaVersion}</span>
            ) : null}
          </>
        ) : (
          <span className="text-muted">no schema</span>
        )}
      </td>
      <td className="px-3 py-2" data-testid="drift-cell">
        <DriftBadge drift={definition.drift} />
      </td>
      <td className="px-3 py-2 pr-5" data-testid="conformance-cell">
        <ConformanceBadge conformance={definition.conformance} now={now} />
      </td>
    </tr>
  );
}
