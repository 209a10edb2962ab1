"use client";

import type { TInstanceTone } from "~/domain/pipelines/runtime/live-marks";
import type { TStepRuntime } from "~/domain/pipelines/runtime/runtime-dto";
import { cn } from "~/lib/cn";
import { instanceMarks } from "./instance-marks";

const TONE_TEXT: Record<TInstanceTone, string> = {
  running: "text-ok",
  idle: "text-muted",
  gone: "text-muted line-through",
  failed: "text-danger",
  starting: "text-warn",
  stopped: "text-muted",
};

/** Every member of the step's group: which runner, which partitions, and why one holds none. */
export function InstancesTable({ step, names }: { step: TStepRuntime; names: ReadonlyMap<string, string> }) {
  if (step.instances.length === 0) {
    return <p className="text-muted text-xs">No runner runs this step yet. Start one with npm run runner.</p>;
  }
  const marks = instanceMarks(step, names);
  return (
    <div className="border-line overflow-x-auto rounded-md border">
      <table className="w-full text-left text-xs" aria-label="Instances of this step">
        <thead className="bg-surface-raised text-muted">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Instance
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Partitions
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              State
            </th>
          </tr>
        </thead>
        <tbody>
          {marks.map((mark) => (
            <tr key={mark.id} className="border-line border-t align-top" data-testid="instance-row">
              <td className="px-2 py-1.5 font-mono whitespace-nowrap">{mark.label}</td>
              <td className="px-2 py-1.5 font-mono">{mark.partitions}</td>
              <td className={cn("px-2 py-1.5", TONE_TEXT[mark.tone])}>
                {mark.tone}
                {mark.tone === "running" ? null : <span className="text-muted block text-[11px]">{mark.title}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
