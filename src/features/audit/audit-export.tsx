"use client";

import { useMutation } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { Button } from "~/components/ui/button";
import type { TAuditExportFormat, TAuditFilter } from "~/domain/audit/audit-filter";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

function download(filename: string, contentType: string, body: string) {
  const url = URL.createObjectURL(new Blob([body], { type: contentType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** Exports exactly what the filters select (all pages), as CSV or JSON lines. */
export function AuditExport({ filter }: { filter: TAuditFilter }) {
  const trpc = useTRPC();
  const exporting = useMutation(
    trpc.admin.audit.export.mutationOptions({
      onSuccess: (file) => download(file.filename, file.contentType, file.body),
    }),
  );
  const start = (format: TAuditExportFormat) => exporting.mutate({ filter, format });
  const error = exporting.isError ? toUserMessage(exporting.error) : null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Button onClick={() => start("csv")} disabled={exporting.isPending}>
        <Download aria-hidden className="size-4" /> Export CSV
      </Button>
      <Button onClick={() => start("jsonl")} disabled={exporting.isPending}>
        <Download aria-hidden className="size-4" /> Export JSON lines
      </Button>
      <span aria-live="polite" className="text-muted">
        {exporting.isPending ? "Exporting…" : null}
        {exporting.data
          ? `${exporting.data.rowCount.toLocaleString()} rows exported${exporting.data.isTruncated ? " (the newest ones: narrow the time range for the rest)" : ""}.`
          : null}
        {error ? <span className="text-danger">{error.message}</span> : null}
      </span>
    </div>
  );
}
