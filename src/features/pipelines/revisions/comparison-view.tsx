import { Banner } from "~/components/ui/banner";
import type { TRevisionComparison } from "~/domain/pipelines/pipeline-dto";
import { formatCount, pluralize } from "~/lib/format";
import { keyText, valueText } from "../dry-run/record-text";

/** Per output topic how many records each revision wrote and how many differ; then the differing records side by side. */
export function ComparisonView({ comparison }: { comparison: TRevisionComparison }) {
  const { revisionA, revisionB } = comparison;
  const recordsIn = comparison.inputs.reduce((sum, input) => sum + input.records, 0);
  const differing = comparison.topics.reduce((sum, topic) => sum + topic.differ, 0);
  return (
    <div className="space-y-4" data-testid="comparison">
      {comparison.stoppedEarly ? <Banner tone="warn" title={comparison.stoppedEarly} /> : null}
      <p className="text-sm">
        Both revisions ran over the same {pluralize(recordsIn, "record")}.{" "}
        {differing === 0 ? "Their outputs are the same." : `${pluralize(differing, "output")} differ.`}
      </p>
      <table className="w-full text-left text-sm" aria-label="Outputs per topic">
        <thead className="text-muted text-xs">
          <tr>
            <th scope="col" className="py-1 font-medium">
              Topic
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Revision {revisionA}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Revision {revisionB}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Same
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Differ
            </th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {comparison.topics.map((topic) => (
            <tr key={topic.topic} className="border-line border-t" data-testid="comparison-topic">
              <td className="py-1 font-mono">{topic.topic}</td>
              <td className="py-1 text-right">{formatCount(topic.countA)}</td>
              <td className="py-1 text-right">{formatCount(topic.countB)}</td>
              <td className="py-1 text-right">{formatCount(topic.same)}</td>
              <td className={topic.differ > 0 ? "text-warn py-1 text-right font-semibold" : "py-1 text-right"}>
                {formatCount(topic.differ)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.differences.length > 0 ? (
        <ol className="space-y-2" aria-label="Records whose outputs differ">
          {comparison.differences.map((difference, index) => (
            <li
              key={index}
              className="border-line space-y-2 rounded-md border p-3 text-xs"
              data-testid="comparison-difference"
            >
              <p className="text-muted">
                {difference.input.topic} · partition {difference.input.partition} · offset {difference.input.offset} ·{" "}
                <span className="font-mono">{keyText(difference.input.key)}</span> → {difference.topic}
              </p>
              <p className="font-mono break-all">{valueText(difference.input.value, 500)}</p>
              <div className="grid gap-2 md:grid-cols-2">
                <Side title={`Revision ${revisionA}`} outputs={difference.a} />
                <Side title={`Revision ${revisionB}`} outputs={difference.b} />
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function Side({ title, outputs }: { title: string; outputs: { key: string | null; value: unknown }[] }) {
  return (
    <div className="bg-surface-raised min-w-0 rounded-md p-2">
      <p className="text-muted mb-1 font-medium">{title}</p>
      {outputs.length === 0 ? (
        <p className="text-muted italic">nothing written</p>
      ) : (
        <ul className="space-y-1 font-mono break-all">
          {outputs.map((output, index) => (
            <li key={index}>
              {output.key !== null ? <span className="text-muted">{keyText(output.key)} · </span> : null}
              {valueText(output.value, 1_000)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
