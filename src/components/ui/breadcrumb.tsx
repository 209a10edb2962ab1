import { ChevronRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

/** "List › this page": the way back to the list a page belongs to, and the page's own name. */
export function Breadcrumb({ parent, current }: { parent: { href: string; label: string }; current: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="text-muted flex items-center gap-1 text-sm">
        <li>
          <Link href={parent.href} className="hover:text-ink rounded hover:underline">
            {parent.label}
          </Link>
        </li>
        <li aria-hidden>
          <ChevronRight className="size-4" />
        </li>
        <li aria-current="page" className="text-ink truncate">
          {current}
        </li>
      </ol>
    </nav>
  );
}
