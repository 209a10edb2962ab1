import { cn } from "~/lib/cn";

const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A record timestamp in local time, with the exact UTC instant in the title. */
export function TimestampCell({ value, loading }: { value: number | null | undefined; loading: boolean }) {
  if (value === undefined) return <span className="text-muted">{loading ? "…" : "unknown"}</span>;
  if (value === null)
    return (
      <span className="text-muted" title="The partition holds no records">
        —
      </span>
    );
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={`${date.toISOString().replace("T", " ").replace("Z", " UTC")}`}>
      {localFormat.format(date)}
    </time>
  );
}

/** (newest − oldest) ÷ retention.ms as a bar; over 100% is normal (Kafka deletes whole segments). */
export function RetentionBar({ used }: { used: number | null }) {
  if (used === null) {
    return (
      <span className="text-muted" title="Empty partition, or the topic keeps records forever">
        —
      </span>
    );
  }
  const percent = Math.round(used * 100);
  return (
    <div className="flex min-w-32 items-center gap-3" title={`The records span ${percent}% of retention.ms`}>
      <span className="w-12 text-right font-mono tabular-nums">{percent}%</span>
      <div aria-hidden className="bg-surface-raised h-2 flex-1 overflow-hidden rounded-full">
        <div
          className={cn("h-full rounded-full", percent >= 100 ? "bg-warn" : "bg-accent", percent === 0 && "hidden")}
          style={{ width: `${Math.min(100, percent)}%` }}
        />
      </div>
    </div>
  );
}
