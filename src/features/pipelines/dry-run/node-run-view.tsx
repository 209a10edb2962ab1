import { ArrowRight } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import type { TDryRunOutput, TEdgeRun, TNodeRun } from "~/domain/pipelines/pipeline-dto";
import { DEAD_LETTER_PORT } from "~/domain/pipelines/step-types";
import { formatCount } from "~/lib/format";
import { EdgeShape } from "./edge-shape";
import { keyText, valueText } from "./record-text";

/**
 * The selected node in the last dry run: records received, emitted and dead-lettered; the first
 * records in, each with what the step made of it; and the shape of what leaves on each outgoing edge.
 */
export function NodeRunView({ run, edgeRuns }: { run: TNodeRun | undefined; edgeRuns: TEdgeRun[] }) {
  if (!run && edgeRuns.length === 0) {
    return (
      <EmptyState title="Not in the last dry run">
        Run a dry run to see what this node makes of real messages.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4" data-testid="node-run-view">
      {run ? (
        <>
          <dl className="grid grid-cols-3 gap-2 text-center">
            <Count label="Received" value={run.received} />
            <Count label="Emitted" value={run.emitted} />
            <Count label="Dead letters" value={run.deadLettered} tone={run.deadLettered > 0 ? "danger" : undefined} />
          </dl>
          {run.errors.length > 0 ? (
            <ul className="text-danger list-disc space-y-1 pl-4 text-sm" role="alert">
              {run.errors.map((error, index) => (
                <li key={index}>{error}</li>
              ))}
            </ul>
          ) : null}
          <Samples run={run} />
        </>
      ) : null}
      {edgeRuns.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-medium">Its edges: records and their shape</h3>
          {edgeRuns.map((edgeRun) => (
            <EdgeShape key={edgeRun.edgeId} edgeRun={edgeRun} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: "danger" }) {
  return (
    <div className="border-line rounded-md border px-2 py-1.5">
      <dt className="text-muted text-xs">{label}</dt>
      <dd className={tone === "danger" ? "text-danger font-semibold tabular-nums" : "font-semibold tabular-nums"}>
        {formatCount(value)}
      </dd>
    </div>
  );
}

function Samples({ run }: { run: TNodeRun }) {
  if (run.samples.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-medium">The first {formatCount(run.samples.length)} records and what each became</h3>
      <ol className="max-h-[28rem] space-y-2 overflow-auto">
        {run.samples.map((sample, index) => (
          <li key={index} className="border-line space-y-1 rounded-md border p-2 text-xs" data-testid="node-run-sample">
            <p className="text-muted">
              {sample.input.topic} · partition {sample.input.partition} · offset {sample.input.offset} ·{" "}
              <span className="font-mono">{keyText(sample.input.key)}</span>
            </p>
            <p className="font-mono break-all">{valueText(sample.input.value, 1_000)}</p>
            {sample.outputs.length === 0 ? (
              <p className="text-muted flex items-center gap-1">
                <ArrowRight aria-hidden className="size-3" /> dropped (nothing emitted)
              </p>
            ) : (
              <ul className="space-y-1">
                {sample.outputs.map((output, at) => (
                  <Output key={at} output={output} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Output({ output }: { output: TDryRunOutput }) {
  const isDeadLetter = output.port === DEAD_LETTER_PORT;
  return (
    <li className="flex items-start gap-1" data-testid="node-run-output">
      <ArrowRight aria-hidden className="mt-0.5 size-3 shrink-0" />
      <div className="min-w-0 space-y-0.5">
        <p className="flex flex-wrap items-center gap-1">
          <Badge tone={isDeadLetter ? "danger" : "accent"}>{output.port}</Badge>
          <span className="text-muted">{output.topic ?? "no topic"}</span>
          {output.record.key !== null ? <span className="font-mono">{keyText(output.record.key)}</span> : null}
        </p>
        {output.reason ? <p className="text-danger">{output.reason}</p> : null}
        <p className="font-mono break-all">{valueText(output.record.value, 1_000)}</p>
      </div>
    </li>
  );
}
