import { Inbox } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "~/components/ui/empty-state";

/** No rows: either nothing matches the search, the page ran past the end, or there are no topics. */
export function TopicListEmpty({
  search,
  total,
  createButton,
}: {
  search: string;
  total: number;
  createButton: ReactNode;
}) {
  if (total > 0) {
    return <EmptyState title="This page is past the last topic">Go back to an earlier page.</EmptyState>;
  }
  if (search !== "") {
    return (
      <EmptyState icon={<Inbox className="size-8" />} title={`No topics match '${search}'`}>
        Names are matched anywhere, ignoring case. Try a shorter part of the name.
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={<Inbox className="size-8" />} title="This cluster has no topics yet">
      <div className="flex flex-col items-center gap-3">
        <p>Create one here, or let a producer create it.</p>
        {createButton}
      </div>
    </EmptyState>
  );
}
