"use client";

import { Download } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { Button } from "~/components/ui/button";

/**
 * Downloads what the messages tab shows — the browse page, or in search mode the search's
 * matches (up to 100,000, searched again on the server) — as JSON lines or CSV. The parameters
 * are the page's own query string, so the file holds exactly the view the user is looking at.
 */
export function ExportButtons({ clusterId, topic }: { clusterId: string; topic: string }) {
  const params = useSearchParams();
  const isSearch = params.get("mode") === "search";
  const canExport = !isSearch || (params.get("q") ?? "").trim() !== "";
  const href = (format: "jsonl" | "csv") => {
    const query = new URLSearchParams(params.toString());
    query.set("format", format);
    return `/api/clusters/${encodeURIComponent(clusterId)}/topics/${encodeURIComponent(topic)}/messages/export?${query.toString()}`;
  };
  const what = isSearch ? "the search results" : "this page of messages";
  if (!canExport) return null;
  return (
    <div className="flex items-center gap-2" role="group" aria-label="Export">
      <Button asChild variant="ghost">
        <a href={href("jsonl")} download title={`Download ${what} as JSON lines`}>
          <Download aria-hidden className="size-4" />
          JSON lines
        </a>
      </Button>
      <Button asChild variant="ghost">
        <a href={href("csv")} download title={`Download ${what} as CSV`}>
          <Download aria-hidden className="size-4" />
          CSV
        </a>
      </Button>
    </div>
  );
}
