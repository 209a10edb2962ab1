import { cn } from "~/lib/cn";

/** A grey placeholder in the shape of content that is still loading. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("bg-surface-raised animate-pulse rounded-md", className)} />;
}
