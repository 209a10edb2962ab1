"use client";

import { useReactFlow } from "@xyflow/react";
import { History } from "lucide-react";
import Link from "next/link";
import { useCallback, useMemo, useRef, useState } from "react";
import { useMe } from "~/components/auth/use-me";
import { Banner } from "~/components/ui/banner";
import { Breadcrumb } from "~/components/ui/breadcrumb";
import { Button } from "~/components/ui/button";
import { addNode } from "~/domain/pipelines/edits";
import type { TNodeKind } from "~/domain/pipelines/kind-spec";
import type { TDryRunResult, TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { DeploymentControls } from "../deploy/deployment-controls";
import { DryRunPanel } from "../dry-run/dry-run-panel";
import { pipelinesHref, revisionsHref } from "../pipeline-links";
import { NodePalette } from "../palette/node-palette";
import { useRuntimeOverlay } from "../runtime/use-runtime-overlay";
import { PipelineYamlActions } from "../yaml/pipeline-yaml-actions";
import { EditorCanvas } from "./editor-canvas";
import { EditorSidebar } from "./editor-sidebar";
import { EditorToolbar } from "./editor-toolbar";
import { ProblemsPanel } from "./problems-panel";
import { ReadyToggle } from "./ready-toggle";
import { ConflictBanner, SaveStatusLine } from "./save-status";
import { EMPTY_SELECTION, pruneSelection, selectNodes, type TSelection } from "./selection";
import { useDocumentHistory } from "./use-document-history";
import { useEditorActions } from "./use-editor-actions";
import { useNodeParam } from "./use-node-param";
import { usePipelineProblems } from "./use-pipeline-problems";
import { usePipelineSaving } from "./use-pipeline-saving";

/** The editor of one pipeline: the document (with its history) is the truth; everything else is derived. */
export function EditorWorkspace({ detail }: { detail: TPipelineDetail }) {
  const { me, can } = useMe();
  const permission = can("operator");
  const readOnly = !permission.allowed;
  const history = useDocumentHistory(detail.document);
  const { document, change } = history;
  const [rawSelection, setSelection] = useState<TSelection>(EMPTY_SELECTION);
  const [run, setRun] = useState<TDryRunResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const { fitView, screenToFlowPosition } = useReactFlow();
  const saving = usePipelineSaving(detail, document);
  const { problems, facts } = usePipelineProblems(detail.clusterId, document, run);
  const watch = useRuntimeOverlay(detail.clusterId, detail.id);
  const [sidebarTab, setSidebarTab] = useState("settings");

  const nodeIds = useMemo(() => new Set(document.nodes.map((node) => node.id)), [document]);
  const edgeIds = useMemo(() => new Set(document.edges.map((edge) => edge.id)), [document]);
  const selection = pruneSelection(rawSelection, nodeIds, edgeIds);

  const focusNode = useCallback(
    (nodeId: string) => {
      setSelection(() => selectNodes([nodeId]));
      void fitView({ nodes: [{ id: nodeId }], duration: 200, maxZoom: 1.2 });
      window.document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`)?.focus();
    },
    [fitView],
  );
  useNodeParam(selection, (nodeId) => setSelection(() => selectNodes([nodeId])), nodeIds);

  /** A dead-letter edge shows its step's dead letters; the dead-letter node, every step's. */
  const showDeadLetters = useCallback((stepId: string | null) => {
    setSelection(() => (stepId ? selectNodes([stepId]) : EMPTY_SELECTION));
    setSidebarTab("live");
  }, []);

  const { saveNow } = saving;
  const save = useCallback(() => void saveNow("save"), [saveNow]);
  const saveFirst = () => (saving.isDirty ? saving.saveNow("save") : Promise.resolve(true));
  const actions = useEditorActions({ ...history, selection, setSelection, save, readOnly });

  /** Keyboard users add a kind at the centre of what the canvas shows. */
  const addAtCentre = useCallback(
    (kind: TNodeKind) => {
      const box = wrapperRef.current?.getBoundingClientRect();
      const centre = box
        ? screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
        : { x: 0, y: 0 };
      const added = addNode(document, kind, centre);
      change(() => added.document);
      setSelection(() => selectNodes([added.nodeId]));
    },
    [change, document, screenToFlowPosition],
  );

  const onReloadTheirs = useCallback(
    (theirs: TPipelineDetail) => {
      saving.acceptTheirs(theirs);
      history.reset(theirs.document);
    },
    [history, saving],
  );

  return (
    <div className="space-y-3">
      <header className="space-y-2">
        <Breadcrumb parent={{ href: pipelinesHref(detail.clusterId), label: "Pipelines" }} current={document.name} />
        <div className="flex flex-wrap items-start gap-3">
          <div className="min-w-0 flex-1">
            <h1 className="truncate text-2xl font-semibold">{document.name}</h1>
            <SaveStatusLine status={saving.status} me={me?.name ?? null} onRetry={save} />
          </div>
          <Button asChild variant="ghost">
            <Link href={revisionsHref(detail.clusterId, detail.id)}>
              <History aria-hidden className="size-4" />
              Revisions
            </Link>
          </Button>
          <PipelineYamlActions clusterId={detail.clusterId} pipelineId={detail.id} name={document.name} />
          <ReadyToggle
            detail={saving.latest}
            problems={problems}
            permission={permission}
            versionRef={saving.versionRef}
            saveFirst={saveFirst}
            onChanged={saving.adopt}
          />
        </div>
      </header>
      {saving.status.kind === "conflict" ? (
        <ConflictBanner
          theirs={saving.status.theirs}
          onReload={onReloadTheirs}
          onOverwrite={() => void saving.saveNow("save", { force: true })}
        />
      ) : null}
      {notice ? (
        <Banner
          tone="warn"
          title={notice}
          actions={
            <Button variant="ghost" onClick={() => setNotice(null)}>
              Dismiss
            </Button>
          }
        />
      ) : null}
      <EditorToolbar
        onAction={actions.run}
        isEnabled={actions.isEnabled}
        deployment={
          <DeploymentControls detail={saving.latest} permission={permission} saveFirst={saveFirst} watch={watch} />
        }
      />
      <div className="grid h-[72vh] min-h-[28rem] grid-cols-[13rem_minmax(0,1fr)_22rem] gap-3">
        <aside className="min-h-0 space-y-5 overflow-y-auto pr-1">
          <NodePalette onAdd={addAtCentre} disabled={readOnly} />
          <ProblemsPanel problems={problems} liveFailure={facts.data?.liveFailure ?? null} onFocusNode={focusNode} />
        </aside>
        <div className="border-line bg-surface min-h-0 overflow-hidden rounded-lg border">
          <EditorCanvas
            document={document}
            problems={problems}
            selection={selection}
            run={run}
            overlay={watch.overlay}
            overlayError={watch.error}
            openRevision={saving.latest.revision}
            onShowDeadLetters={showDeadLetters}
            readOnly={readOnly}
            wrapperRef={wrapperRef}
            change={change}
            onSelectionChange={setSelection}
            onNotice={setNotice}
          />
        </div>
        <EditorSidebar
          clusterId={detail.clusterId}
          pipelineId={detail.id}
          document={document}
          selection={selection}
          problems={problems}
          run={run}
          watch={watch}
          tab={sidebarTab}
          onTabChange={setSidebarTab}
          change={change}
        />
      </div>
      <DryRunPanel clusterId={detail.clusterId} document={document} onResult={setRun} />
    </div>
  );
}
