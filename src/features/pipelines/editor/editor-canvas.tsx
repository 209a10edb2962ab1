"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { useCallback, useMemo, useRef, useState, type DragEvent, type RefObject } from "react";
import { documentFromNodeChanges, toCanvas, type TCanvasEdge, type TCanvasNode } from "~/domain/pipelines/canvas";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { addNode, connect } from "~/domain/pipelines/edits";
import { NODE_KINDS, type TNodeKind } from "~/domain/pipelines/kind-spec";
import type { TDryRunResult, TPipelineProblem } from "~/domain/pipelines/pipeline-dto";
import type { TRuntimeOverlay } from "~/domain/pipelines/runtime/runtime-dto";
import { decorateCanvas } from "../canvas/decorate-canvas";
import { PIPELINE_EDGE_TYPES } from "../canvas/pipeline-edge";
import { PIPELINE_NODE_TYPES } from "../canvas/pipeline-node";
import { isSameEdge, isSameNode, reuseUnchanged } from "../canvas/reuse-unchanged";
import { useCanvasColorMode } from "../canvas/use-color-mode";
import { useMeasuredNodes } from "../canvas/use-measured-nodes";
import { PALETTE_DRAG_TYPE } from "../palette/node-palette";
import { isOverlayElement, stepOfDeadLetterEdge } from "../runtime/dead-letter-edges";
import { liveDecorations } from "../runtime/live-decorations";
import { liveStatus } from "../runtime/live-status";
import { LiveStatusLine } from "../runtime/live-status-line";
import { applySelectChanges, selectNodes, type TSelection } from "./selection";
import type { TDocumentEdit } from "./use-document-history";

type TEditorCanvasProps = {
  document: TPipelineDocument;
  problems: readonly TPipelineProblem[];
  selection: TSelection;
  run: TDryRunResult | null;
  /** The deployed pipeline's live state (null: not deployed, or not known yet), and why it is missing. */
  overlay: TRuntimeOverlay | null;
  overlayError: unknown;
  /** The revision the open document was loaded from: the overlay may be of another one. */
  openRevision: number;
  readOnly: boolean;
  wrapperRef: RefObject<HTMLDivElement | null>;
  change: (edit: TDocumentEdit, mergeKey?: string) => void;
  onSelectionChange: (update: (selection: TSelection) => TSelection) => void;
  onNotice: (sentence: string) => void;
  /** A dead-letter edge (its step) or the dead-letter node (null) was picked: show those dead letters. */
  onShowDeadLetters: (stepId: string | null) => void;
};

/**
 * The editable canvas: derived from the document on every render (toCanvas), and every change
 * React Flow reports goes back through the pure edits into the history.
 */
export function EditorCanvas(props: TEditorCanvasProps) {
  const { document, problems, selection, run, overlay, readOnly, wrapperRef, change, onSelectionChange, onNotice } =
    props;
  const { onShowDeadLetters } = props;
  const colorMode = useCanvasColorMode();
  const { screenToFlowPosition } = useReactFlow();
  const dragCount = useRef(0);
  // Fit the view on opening only when there is something to fit: on an empty canvas React Flow would
  // fit (and zoom into) the first node dropped, moving the canvas under the user's pointer.
  const [fitOnOpen] = useState(document.nodes.length > 0);
  const live = useMemo(() => liveDecorations(document, overlay), [document, overlay]);
  const canvas = useMemo(() => {
    const derived = toCanvas(document, problems, selection.nodes);
    return decorateCanvas(derived, run, selection.edges, live);
  }, [document, problems, selection, run, live]);
  const { measuredNodes, applyDimensions } = useMeasuredNodes(canvas.nodes);
  // Unchanged nodes and edges keep their objects, so a drag redraws only what moved.
  const [nodeCache] = useState(() => new Map<string, TCanvasNode>());
  const [edgeCache] = useState(() => new Map<string, TCanvasEdge>());
  const nodes = useMemo(() => reuseUnchanged(nodeCache, measuredNodes, isSameNode), [nodeCache, measuredNodes]);
  const edges = useMemo(() => reuseUnchanged(edgeCache, canvas.edges, isSameEdge), [edgeCache, canvas.edges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TCanvasNode>[]) => {
      applyDimensions(changes);
      // The overlay's dead-letter node is no part of the document: picking it shows the dead letters.
      if (changes.some((item) => item.type === "select" && item.selected && isOverlayElement(item.id))) {
        onShowDeadLetters(null);
        return;
      }
      const selects = changes.flatMap((item) => (item.type === "select" && !isOverlayElement(item.id) ? [item] : []));
      if (selects.length > 0) onSelectionChange((current) => applySelectChanges(current, selects, "nodes"));
      const moves = changes.filter((item) => item.type === "position" && item.position);
      // A drag's many moves are one step of the history.
      if (moves.length > 0 && !readOnly) {
        change((current) => documentFromNodeChanges(current, moves), `drag-${dragCount.current}`);
      }
    },
    [applyDimensions, change, onSelectionChange, onShowDeadLetters, readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<TCanvasEdge>[]) => {
      for (const item of changes) {
        const stepId = item.type === "select" && item.selected ? stepOfDeadLetterEdge(item.id) : null;
        if (stepId !== null) return onShowDeadLetters(stepId);
      }
      const selects = changes.flatMap((item) => (item.type === "select" && !isOverlayElement(item.id) ? [item] : []));
      if (selects.length > 0) onSelectionChange((current) => applySelectChanges(current, selects, "edges"));
    },
    [onSelectionChange, onShowDeadLetters],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const request = {
        source: connection.source,
        sourcePort: connection.sourceHandle ?? "out",
        target: connection.target,
        targetPort: connection.targetHandle ?? "in",
      };
      const attempt = connect(document, request);
      if (!attempt.ok) {
        onNotice(attempt.sentence);
        return;
      }
      change((current) => {
        const result = connect(current, request);
        return result.ok ? result.document : current;
      });
    },
    [change, document, onNotice],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!isKind(kind) || readOnly) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const added = addNode(document, kind, position);
      change(() => added.document);
      onSelectionChange(() => selectNodes([added.nodeId]));
    },
    [change, document, onSelectionChange, readOnly, screenToFlowPosition],
  );

  return (
    <div
      ref={wrapperRef}
      className="h-full w-full"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
      }}
      onDrop={onDrop}
      onKeyDown={(event) => {
        // Enter on a node selects it (React Flow); Enter again on the selected node goes into the inspector.
        if (event.key !== "Enter" || !(event.target instanceof Element)) return;
        const nodeId = event.target.closest(".react-flow__node")?.getAttribute("data-id");
        if (!nodeId || !selection.nodes.has(nodeId)) return;
        window.document.querySelector<HTMLElement>("#inspector :is(input, textarea, select, button)")?.focus();
      }}
    >
      <ReactFlow<TCanvasNode, TCanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={PIPELINE_NODE_TYPES}
        edgeTypes={PIPELINE_EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={readOnly ? undefined : onConnect}
        onNodeDragStart={() => {
          dragCount.current += 1;
        }}
        onPaneClick={() => onSelectionChange(() => ({ nodes: new Set(), edges: new Set() }))}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        // The editor's own shortcuts remove (through the history) and select all.
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Meta", "Control"]}
        colorMode={colorMode}
        fitView={fitOnOpen}
        fitViewOptions={{ maxZoom: 1 }}
        aria-label="Pipeline canvas"
      >
        <Panel position="top-left">
          <LiveStatusLine status={liveStatus(overlay, props.openRevision)} error={props.overlayError} />
        </Panel>
        <Background />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function isKind(value: string): value is TNodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}
