import type { TEdgeRun } from "~/domain/pipelines/pipeline-dto";
import { formatCount, pluralize } from "~/lib/format";
import { keyText, valueText } from "./record-text";
import { MAX_SHAPE_LINES, shapeLines } from "./shape-lines";

/** One outgoing edge: how many records crossed it, their shape (field: type), and values that misfit the topic's schema. */
export function EdgeShape({ edgeRun }: { edgeRun: TEdgeRun }) {
  const lines = shapeLines(edgeRun.shape);
  const shown = lines.slice(0, MAX_SHAPE_LINES);
  return (
    <div className="border-line space-y-2 rounded-md border p-3" data-testid="edge-run">
      <p className="text-sm">
        <span className="font-mono">{edgeRun.edgeId}</span>{" "}
        <span className="text-muted">· {pluralize(edgeRun.count, "record")}</span>
      </p>
      {shown.length > 0 ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-mono text-xs" aria-label="Shape of the values">
          {shown.map((line) => (
            <div key={line.path} className="contents">
              <dt className="break-all">
                {line.path}
                {line.isOptional ? <span className="text-muted">?</span> : null}
              </dt>
              <dd className="text-accent">{line.type}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-muted text-xs">Nothing crossed this edge, so its shape is not known yet.</p>
      )}
      {lines.length > shown.length ? <p className="text-muted text-xs">More fields than shown.</p> : null}
      {edgeRun.misfitCount > 0 ? (
        <div className="space-y-1">
          <p className="text-warn text-xs">
            {formatCount(edgeRun.misfitCount)} of {formatCount(edgeRun.count)} values do not fit the topic&apos;s value
            schema:
          </p>
          <ul className="space-y-1 text-xs">
            {edgeRun.schemaMisfits.map((misfit, index) => (
              <li key={index} className="space-y-0.5">
                <p>{misfit.reason}</p>
                <p className="text-muted font-mono break-all">
                  {keyText(misfit.record.key)} · {valueText(misfit.record.value, 300)}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
