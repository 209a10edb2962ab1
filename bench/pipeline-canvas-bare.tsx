/**
 * The baseline of `npm run bench -- pipeline-canvas`: @xyflow/react alone, with its default nodes
 * and the same chrome as the editor's canvas (background, minimap, controls), drawing the nodes and
 * edges the bench puts on `window.__PIPELINE`. Bundled by esbuild and served by the bench.
 */
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  type Edge,
  type Node,
  type NodeChange,
} from "@xyflow/react";
import { useState } from "react";
import { createRoot } from "react-dom/client";

type TBarePipeline = {
  nodes: { id: string; label: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string }[];
};

const pipeline = (window as unknown as { __PIPELINE: TBarePipeline }).__PIPELINE;

function BareCanvas() {
  const [nodes, setNodes] = useState<Node[]>(() =>
    pipeline.nodes.map((node) => ({ id: node.id, position: { x: node.x, y: node.y }, data: { label: node.label } })),
  );
  const [edges] = useState<Edge[]>(() => pipeline.edges.map((edge) => ({ ...edge })));
  return (
    <div style={{ width: "100vw", height: "100vh" }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={(changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current))}
        fitView
      >
        <Background />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}

createRoot(document.getElementById("root")!).render(<BareCanvas />);
