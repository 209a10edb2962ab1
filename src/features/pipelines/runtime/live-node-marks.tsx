"use client";

import type { TInstanceTone, TLiveNodeMark, TLiveStepMark } from "~/domain/pipelines/runtime/live-marks";
import { cn } from "~/lib/cn";

const STATE_TONES: Record<TLiveStepMark["state"], string> = {
  starting: "text-warn",
  running: "text-ok",
  failed: "text-danger",
  stopped: "text-muted",
  "not-deployed": "text-muted italic",
};

const CHIP_TONES: Record<TInstanceTone, string> = {
  running: "border-ok/40 bg-ok-soft text-ink",
  idle: "border-line bg-surface-raised text-muted border-dashed",
  gone: "border-line bg-surface-raised text-muted line-through",
  failed: "border-danger/50 bg-danger-soft text-danger",
  starting: "border-warn/40 bg-warn-soft text-ink",
  stopped: "border-line bg-surface-raised text-muted",
};

/** Chips past this many on one node are counted, not drawn (the sidebar's Live tab lists them all). */
const MAX_CHIPS = 8;

/** The live lines under a node's title: state, rates and lag, dead letters, and the instance chips. */
export function LiveNodeMarks({ nodeId, mark }: { nodeId: string; mark: TLiveNodeMark }) {
  if (mark.kind === "dead-letters") {
    return (
      <p className="text-danger mt-1 font-mono" data-testid={`dead-letters-${nodeId}`}>
        {mark.text}
      </p>
    );
  }
  return (
    <div className="mt-1 space-y-1" data-testid={`live-${nodeId}`}>
      <p className={cn("line-clamp-2 font-medium", STATE_TONES[mark.state])} data-testid={`step-state-${nodeId}`}>
        {mark.stateText}
      </p>
      {mark.rates ? (
        <p className="text-muted font-mono">
          {mark.rates}
          {mark.lag ? ` · ${mark.lag}` : null}
        </p>
      ) : null}
      {mark.deadLetters || mark.errors ? (
        <p className="text-danger font-mono">{[mark.deadLetters, mark.errors].filter(Boolean).join(" · ")}</p>
      ) : null}
      {mark.instances.length > 0 ? <InstanceChips nodeId={nodeId} mark={mark} /> : null}
    </div>
  );
}

function InstanceChips({ nodeId, mark }: { nodeId: string; mark: TLiveStepMark }) {
  const shown = mark.instances.slice(0, MAX_CHIPS);
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Instances" data-testid={`instances-${nodeId}`}>
      {shown.map((instance) => {
        // Chips with something to explain take focus, so keyboard users reach the reason too.
        const explains = instance.tone !== "running";
        return (
          <li
            key={instance.id}
            title={instance.title}
            tabIndex={explains ? 0 : undefined}
            aria-label={`${instance.label}: ${instance.partitions}. ${instance.title}`}
            data-testid="instance-chip"
            data-tone={instance.tone}
            className={cn(
              "group relative max-w-full rounded border px-1 font-mono text-[10px] leading-4",
              "focus-visible:outline-accent focus-visible:outline-2",
              CHIP_TONES[instance.tone],
            )}
          >
            <span className="block truncate">
              {instance.label} · {instance.partitions}
            </span>
            {explains ? (
              <span
                role="tooltip"
                className="bg-surface text-ink border-line pointer-events-none absolute top-full left-0 z-10 mt-1 hidden w-56 rounded border p-1.5 font-sans text-[11px] whitespace-normal shadow-md group-focus-visible:block"
              >
                {instance.title}
              </span>
            ) : null}
          </li>
        );
      })}
      {mark.instances.length > shown.length ? (
        <li className="text-muted text-[10px] leading-4">+{mark.instances.length - shown.length} more</li>
      ) : null}
    </ul>
  );
}
