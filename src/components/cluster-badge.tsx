import type { TClusterColour } from "~/domain/cluster-settings";
import { cn } from "~/lib/cn";

/**
 * The fixed palette's classes, filled so they read the same in light and dark mode. Literal class
 * names, because Tailwind only generates classes it finds written out in the source.
 */
export const CLUSTER_COLOUR_CLASSES: Record<TClusterColour, { fill: string; name: string }> = {
  grey: { fill: "bg-slate-500 text-white", name: "Grey" },
  blue: { fill: "bg-blue-600 text-white", name: "Blue" },
  green: { fill: "bg-green-700 text-white", name: "Green" },
  yellow: { fill: "bg-yellow-400 text-black", name: "Yellow" },
  orange: { fill: "bg-orange-500 text-black", name: "Orange" },
  red: { fill: "bg-red-600 text-white", name: "Red" },
  purple: { fill: "bg-purple-600 text-white", name: "Purple" },
};

type ClusterBadgeProps = {
  name: string;
  label: string | null;
  colour: TClusterColour | null;
  className?: string;
};

/** A cluster's name with its label in its colour, e.g. "orders-prod [PRODUCTION]" on red. */
export function ClusterBadge({ name, label, colour, className }: ClusterBadgeProps) {
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-2", className)} data-testid="cluster-badge">
      <span
        aria-hidden
        className={cn("size-2.5 shrink-0 rounded-full", colour ? CLUSTER_COLOUR_CLASSES[colour].fill : "bg-line")}
      />
      <span className="truncate font-medium">{name}</span>
      {label ? <ClusterLabel label={label} colour={colour} /> : null}
    </span>
  );
}

/** The label alone, filled with the cluster's colour (neutral without one). */
export function ClusterLabel({ label, colour }: { label: string; colour: TClusterColour | null }) {
  return (
    <span
      className={cn(
        "rounded px-1.5 py-0.5 text-xs font-semibold tracking-wide uppercase",
        colour ? CLUSTER_COLOUR_CLASSES[colour].fill : "bg-surface-raised text-muted",
      )}
    >
      {label}
    </span>
  );
}
