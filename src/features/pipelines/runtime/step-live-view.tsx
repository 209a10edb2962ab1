"use client";

import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TRuntimeOverlay, TStepRuntime } from "~/domain/pipelines/runtime/runtime-dto";
import { cn } from "~/lib/cn";
import { formatCount } from "~/lib/format";
import { DeadLettersSection } from "./dead-letters-section";
import { instanceMarks, runnerNames } from "./instance-marks";
import { InstancesTable } from "./instances-table";
import { formatRate } from "./live-format";
import { LiveSection } from "./live-section";
import { StepHistoryCharts } from "./step-history-charts";

const STATE_TONES = {
  starting: "text-warn",
  running: "text-ok",
  failed: "text-danger",
  stopped: "text-muted",
} as const;
const STATE_WORDS = { starting: "Starting", running: "Running", failed: "Failed", stopped: "Stopped" } as const;

/** The selected step, live: state, rates, totals, lag, charts over time, its instances and dead letters. */
export function StepLiveView({
  clusterId,
  pipelineId,
  document,
  overlay,
  step,
}: {
  clusterId: string;
  pipelineId: string;
  document: TPipelineDocument;
  overlay: TRuntimeOverlay;
  step: TStepRuntime;
}) {
  const names = runnerNames(overlay.runners);
  const idle = instanceMarks(step, names).filter((mark) => mark.tone === "idle").length;
  const figures = [
    { label: "In", value: formatRate(step.inRate) },
    { label: "Out", value: formatRate(step.outRate) },
    { label: "Dead letters", value: formatRate(step.deadLetterRate) },
    { label: "Lag", value: step.lag === null ? "unknown" : `${formatCount(step.lag)} messages` },
    { label: "Consumed", value: formatCount(step.consumed) },
    { label: "Produced", value: formatCount(step.produced) },
    { label: "Dead-lettered", value: formatCount(step.deadLettered) },
    { label: "Input partitions", value: step.inputPartitions === null ? "unknown" : String(step.inputPartitions) },
  ];
  return (
    <div className="space-y-5" data-testid="step-live">
      <div className="space-y-1">
        <p className={cn("text-sm font-semibold", STATE_TONES[step.state])}>{STATE_WORDS[step.state]}</p>
        {step.reason ? <p className="text-danger text-xs">{step.reason}</p> : null}
        <p className="text-muted text-xs">
          Consumer group <span className="font-mono break-all">{step.groupId}</span>
          {step.revision !== null ? `, revision ${step.revision}` : null}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1.5 text-xs" aria-label="Figures of this step">
        {figures.map((figure) => (
          <div key={figure.label} className="min-w-0">
            <dt className="text-muted">{figure.label}</dt>
            <dd className="truncate font-mono tabular-nums">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-muted text-[11px]">Totals count since the step&apos;s members last started.</p>
      <StepHistoryCharts clusterId={clusterId} pipelineId={pipelineId} nodeId={step.nodeId} />
      <LiveSection title="Instances">
        {idle > 0 && step.idleReason ? <p className="text-warn text-xs">{step.idleReason}</p> : null}
        <InstancesTable step={step} names={names} />
      </LiveSection>
      {overlay.deadLetter ? (
        <DeadLettersSection
          clusterId={clusterId}
          pipelineId={pipelineId}
          document={document}
          topic={overlay.deadLetter.topic}
          nodeId={step.nodeId}
        />
      ) : (
        <p className="text-muted text-xs">
          This pipeline has no dead-letter topic. Set one in the pipeline&apos;s settings to keep the records a step
          cannot handle.
        </p>
      )}
    </div>
  );
}
