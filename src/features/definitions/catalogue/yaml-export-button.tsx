"use client";

import { useQueryClient } from "@tanstack/react-query";
import { YamlDownloadButton } from "~/components/yaml-download-button";
import type { TTopicLayer } from "~/domain/definitions/definition";
import { useTRPC } from "~/trpc/react";

/** Downloads the cluster's definitions (or one layer's) as a YAML file the CLI and "Import YAML" read back. */
export function YamlExportButton({ clusterId, layer }: { clusterId: string; layer: TTopicLayer | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Always a fresh file: the definitions may have changed since the last export.
  const fetchFile = () =>
    queryClient.fetchQuery({
      ...trpc.definitions.exportYaml.queryOptions({ clusterId, ...(layer ? { layer } : {}) }),
      staleTime: 0,
    });
  return <YamlDownloadButton fetchFile={fetchFile} />;
}
