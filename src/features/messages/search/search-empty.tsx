import { Search } from "lucide-react";
import { EmptyState } from "~/components/ui/empty-state";
import type { TSearchRun } from "./use-search-run";

/**
 * What the results area says while it holds no match: an invitation only before the first search;
 * after one (complete, partial or cancelled) it says what that search found, not "start one".
 */
export function SearchEmpty({ run }: { run: TSearchRun }) {
  const icon = <Search aria-hidden className="size-6" />;
  switch (run.state) {
    case "running":
      return (
        <EmptyState icon={icon} title="Searching…">
          Matches appear here as the scan finds them.
        </EmptyState>
      );
    case "done":
      return (
        <EmptyState icon={icon} title={run.status === "partial" ? "No matches in the part scanned" : "No matches"}>
          {run.sentence}
        </EmptyState>
      );
    case "cancelled":
      return (
        <EmptyState icon={icon} title="No matches before the search was cancelled">
          Start the search again, or narrow its range, to scan the rest.
        </EmptyState>
      );
    case "error":
      return <EmptyState icon={icon} title="No matches: the search stopped with the error above" />;
    case "idle":
      return (
        <EmptyState icon={icon} title="No search yet">
          Choose text or JSONata, a range and a budget, then start the search. Matches appear here, oldest first per
          partition.
        </EmptyState>
      );
  }
}
