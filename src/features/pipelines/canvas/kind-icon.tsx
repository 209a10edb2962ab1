import { Brain, Database, Filter, Merge, Sparkles, Split, Timer, WandSparkles, type LucideIcon } from "lucide-react";
import type { TKindIcon } from "~/domain/pipelines/kind-spec";

/** The registry names its icons; the canvas and the palette draw them with lucide-react. */
const ICONS: Record<TKindIcon, LucideIcon> = {
  database: Database,
  filter: Filter,
  wand: WandSparkles,
  sparkles: Sparkles,
  split: Split,
  merge: Merge,
  timer: Timer,
  brain: Brain,
};

export function KindIcon({ icon, className }: { icon: TKindIcon; className?: string }) {
  const Icon = ICONS[icon];
  return <Icon aria-hidden className={className} />;
}
