"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ErrorBanner } from "~/components/ui/banner";
import type { TTopicLayer } from "~/domain/definitions/definition";
import { useTRPC } from "~/trpc/react";

/** Downloads the cluster's definitions (or one layer's) as a YAML file the CLI and "Import YAML" read back. */
export function YamlExportButton({ clusterId, layer }: { clusterId: string; layer: TTopicLayer | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isExporting, setIsExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function exportYaml() {
    setIsExporting(true);
    setError(null);
    try {
      // Always a fresh file: the definitions may have changed since the last export.
      const file = await queryClient.fetchQuery({
        ...trpc.definitions.exportYaml.queryOptions({ clusterId, ...(layer ? { layer } : {}) }),
        staleTime: 0,
      });
      const url = URL.createObjectURL(new Blob([file.yaml], { type: "application/yaml" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file.fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsExporting(false);
    }
  }

  return (
    <>
      <Button onClick={() => void exportYaml()} disabled={isExporting}>
        <Download aria-hidden className="size-4" />
        {isExporting ? "Exporting…" : "Export YAML"}
      </Button>
      {error ? (
        <div className="basis-full">
          <ErrorBanner error={error} />
        </div>
      ) : null}
    </>
  );
}
