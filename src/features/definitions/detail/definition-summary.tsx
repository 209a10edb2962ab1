import { LAYER_LABELS, SCHEMA_FORMAT_LABELS, type TTopicDefinition } from "~/domain/definitions/definition";
import { readableConfigValue } from "~/features/topics/detail/config-display";
import { MarkdownText } from "./markdown-text";

/** The saved definition as people read it: what the topic is for, who owns it, and what Kafka should hold. */
export function DefinitionSummary({ definition }: { definition: TTopicDefinition }) {
  const configs = Object.entries(definition.configs).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="grid gap-6 px-5 py-4 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-4">
        {definition.description ? (
          <MarkdownText text={definition.description} />
        ) : (
          <p className="text-muted text-sm">No description yet.</p>
        )}
        {definition.keyDescription ? (
          <p className="text-sm">
            <span className="text-muted">Key: </span>
            {definition.keyDescription}
          </p>
        ) : null}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="definition-facts">
        <dt className="text-muted">Layer</dt>
        <dd data-testid="definition-layer">{LAYER_LABELS[definition.layer]}</dd>
        <dt className="text-muted">Owner</dt>
        <dd data-testid="definition-owner">{definition.owner}</dd>
        <dt className="text-muted">Tags</dt>
        <dd>{definition.tags.length > 0 ? definition.tags.join(", ") : <span className="text-muted">none</span>}</dd>
        <dt className="text-muted">Partitions</dt>
        <dd className="tabular-nums">{definition.partitions}</dd>
        <dt className="text-muted">Replication factor</dt>
        <dd className="tabular-nums">{definition.replicationFactor}</dd>
        {configs.map(([name, value]) => {
          const readable = readableConfigValue(name, value);
          return (
            <div key={name} className="contents">
              <dt className="text-muted font-mono text-xs leading-5">{name}</dt>
              <dd className="font-mono text-xs leading-5" data-config={name}>
                {value}
                {readable ? <span className="text-muted font-sans"> ({readable})</span> : null}
              </dd>
            </div>
          );
        })}
        <dt className="text-muted">Schema</dt>
        <dd>
          {definition.schemaFormat ? SCHEMA_FORMAT_LABELS[definition.schemaFormat] : "none"}, {definition.compatibility}{" "}
          compatibility, produce validation {definition.produceValidation}
        </dd>
      </dl>
    </div>
  );
}
