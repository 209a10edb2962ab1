"use client";

import { BookOpen, List, Users, Workflow } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "~/lib/cn";
import { clusterSection, parseClusterPage } from "./cluster-paths";

const SECTIONS = [
  { section: "topics", label: "Topics", Icon: List },
  { section: "groups", label: "Consumer groups", Icon: Users },
  { section: "definitions", label: "Catalogue", Icon: BookOpen },
  { section: "pipelines", label: "Pipelines", Icon: Workflow },
] as const;

/** The sections of the cluster a page shows (nothing outside a cluster); the current one is marked. */
export function ClusterNav() {
  const page = parseClusterPage(usePathname());
  if (page.kind === "none") return null;
  const root = `/clusters/${encodeURIComponent(page.clusterId)}`;
  const current = clusterSection(page);
  // Below 1024 px the header has no room beside the cluster switcher and the account; the cluster's
  // overview and each page's breadcrumb lead to the same places.
  return (
    <div className="hidden items-center gap-1 lg:flex">
      {SECTIONS.map(({ section, label, Icon }) => (
        <Link
          key={section}
          href={`${root}/${section}`}
          aria-current={current === section ? "page" : undefined}
          aria-label={label}
          title={label}
          className={cn(
            "hover:bg-surface-raised flex items-center gap-1.5 rounded-md px-3 py-1.5 whitespace-nowrap",
            current === section ? "bg-surface-raised text-ink" : "text-muted hover:text-ink",
          )}
        >
          <Icon aria-hidden className="size-4" />
          {/* Icons alone up to 1280 px, so the header fits beside the cluster switcher and the account. */}
          <span className="hidden xl:inline">{label}</span>
        </Link>
      ))}
    </div>
  );
}
