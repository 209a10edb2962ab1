import type { ReactNode } from "react";

/** What a section shows when there is nothing in it yet: what that means and what to do. */
export function EmptyState({ icon, title, children }: { icon?: ReactNode; title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-6 py-12 text-center">
      {icon ? <div className="text-muted">{icon}</div> : null}
      <p className="font-medium">{title}</p>
      {children ? <div className="text-muted max-w-md text-sm">{children}</div> : null}
    </div>
  );
}
