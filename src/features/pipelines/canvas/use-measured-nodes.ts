"use client";

import type { NodeChange } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import type { TCanvasNode } from "~/domain/pipelines/canvas";

type TSize = { width: number; height: number };

/**
 * The canvas is derived from the document, so nodes arrive fresh on every change; React Flow
 * measures them once and reports the sizes as "dimensions" changes, which must be written back
 * as `node.measured` or edges and the minimap lose their place. This keeps those sizes by node id.
 */
export function useMeasuredNodes(nodes: TCanvasNode[]) {
  const [sizes, setSizes] = useState<Record<string, TSize>>({});
  const measuredNodes = useMemo(
    () => nodes.map((node) => (sizes[node.id] ? { ...node, measured: sizes[node.id] } : node)),
    [nodes, sizes],
  );
  const applyDimensions = useCallback((changes: NodeChange<TCanvasNode>[]) => {
    const measured = changes.flatMap((change) =>
      change.type === "dimensions" && change.dimensions ? [{ id: change.id, size: change.dimensions }] : [],
    );
    if (measured.length === 0) return;
    setSizes((previous) => {
      const next = { ...previous };
      for (const { id, size } of measured) next[id] = size;
      return next;
    });
  }, []);
  return { measuredNodes, applyDimensions };
}
