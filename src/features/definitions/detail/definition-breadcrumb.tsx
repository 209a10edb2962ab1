import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { catalogueHref } from "~/components/definitions/definition-links";

/** Catalogue › the page's own name. */
export function DefinitionBreadcrumb({ clusterId, topicName }: { clusterId: string; topicName: string }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="text-muted flex items-center gap-1 text-sm">
        <li>
          <Link href={catalogueHref(clusterId)} className="hover:text-ink rounded hover:underline">
            Catalogue
          </Link>
        </li>
        <li aria-hidden>
          <ChevronRight className="size-4" />
        </li>
        <li aria-current="page" className="text-ink truncate">
          {topicName}
        </li>
      </ol>
    </nav>
  );
}
