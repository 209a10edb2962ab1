"use client";

import { Radio } from "lucide-react";
import { cn } from "~/lib/cn";
import { ErrorLine } from "./error-line";
import type { TLiveStatus } from "./live-status";

const TONES = { ok: "text-ok", warn: "text-warn", muted: "text-muted" } as const;

/** Over the canvas's top-left corner: whether live data is shown, of which revision, and what is amiss. */
export function LiveStatusLine({ status, error }: { status: TLiveStatus | null; error: unknown }) {
  if (!status && !error) return null;
  return (
    <div
      role="status"
      data-testid="live-status"
      className="bg-surface/90 border-line max-w-md space-y-0.5 rounded-md border px-2 py-1 text-xs shadow-sm"
    >
      {status ? (
        <p className={cn("flex items-center gap-1.5 font-medium", TONES[status.tone])}>
          <Radio aria-hidden className="size-3.5" />
          {status.title}
        </p>
      ) : null}
      {status?.notes.map((note) => (
        <p key={note} className="text-ink">
          {note}
        </p>
      ))}
      {error ? <ErrorLine error={error} prefix="Live data is unavailable:" /> : null}
    </div>
  );
}
