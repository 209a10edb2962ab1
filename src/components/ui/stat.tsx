import type { ReactNode } from "react";
import { cn } from "~/lib/cn";

/** A labelled figure, e.g. "Partitions 42". */
export function Stat({ label, value, detail, tone }: { label: string; value: ReactNode; detail?: ReactNode; tone?: "warn" | "danger" }) {
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3">
      <dt className="text-xs font-medium tracking-wide text-muted uppercase">{label}</dt>
      <dd
        className={cn(
          "mt-1 truncate text-2xl font-semibold tabular-nums",
          tone === "warn" && "text-warn",
          tone === "danger" && "text-danger",
        )}
      >
        {value}
      </dd>
      {detail ? <dd className="mt-0.5 truncate text-xs text-muted">{detail}</dd> : null}
    </div>
  );
}
