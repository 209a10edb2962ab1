"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";

/**
 * "Export YAML": asks for a fresh file (the caller fetches it, never from a stale cache) and saves it
 * under the name the server gave; a failure shows its sentence beside the button.
 */
export function YamlDownloadButton({ fetchFile }: { fetchFile: () => Promise<{ fileName: string; yaml: string }> }) {
  const [isExporting, setIsExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function download() {
    setIsExporting(true);
    setError(null);
    try {
      const file = await fetchFile();
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
      <Button onClick={() => void download()} disabled={isExporting}>
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
