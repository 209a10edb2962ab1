"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { useMemo } from "react";
import type { TCanvasEdge, TCanvasNode } from "~/domain/pipelines/canvas";
import { PIPELINE_EDGE_TYPES } from "./pipeline-edge";
import { PIPELINE_NODE_TYPES } from "./pipeline-node";
import { useCanvasColorMode } from "./use-color-mode";
import { useMeasuredNodes } from "./use-measured-nodes";

/**
 * A pipeline drawn without editing (the revisions diff): fits the view, minimap, zoom controls,
 * dark mode. Clicking a node reports it; clicking the background reports null.
 */
export function ReadOnlyPipelineCanvas({
  nodes,
  edges,
  onSelect,
}: {
  nodes: TCanvasNode[];
  edges: TCanvasEdge[];
  onSelect?: (nodeId: string | null) => void;
}) {
  const colorMode = useCanvasColorMode();
  const { measuredNodes, applyDimensions } = useMeasuredNodes(nodes);
  const typedEdges = useMemo(() => edges.map((edge) => ({ ...edge, type: "pipeline" })), [edges]);
  return (
    <ReactFlowProvider>
      <div className="border-line h-full min-h-80 w-full overflow-hidden rounded-lg border">
        <ReactFlow<TCanvasNode, TCanvasEdge>
          nodes={measuredNodes}
          onNodesChange={applyDimensions}
          edges={typedEdges}
          nodeTypes={PIPELINE_NODE_TYPES}
          edgeTypes={PIPELINE_EDGE_TYPES}
          colorMode={colorMode}
          fitView
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={onSelect !== undefined}
          deleteKeyCode={null}
          onNodeClick={(_, node) => onSelect?.(node.id)}
          onPaneClick={() => onSelect?.(null)}
        >
          <Background />
          <MiniMap pannable zoomable />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}
