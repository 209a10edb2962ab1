import type { ReactNode } from "react";
import { cn } from "~/lib/cn";

/** A labelled figure, e.g. "Partitions 42". */
type StatProps = { label: string; value: ReactNode; detail?: ReactNode; tone?: "warn" | "danger"; className?: string };

export function Stat({ label, value, detail, tone, className }: StatProps) {
  return (
    <div className={cn("border-line bg-surface min-w-0 rounded-lg border px-4 py-3", className)}>
      <dt className="text-muted text-xs font-medium tracking-wide uppercase">{label}</dt>
      <dd
        className={cn(
          "mt-1 truncate text-2xl font-semibold tabular-nums",
          tone === "warn" && "text-warn",
          tone === "danger" && "text-danger",
        )}
      >
        {value}
      </dd>
      {detail ? <dd className="text-muted mt-0.5 truncate text-xs">{detail}</dd> : null}
    </div>
  );
}
