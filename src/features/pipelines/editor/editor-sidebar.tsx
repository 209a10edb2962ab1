"use client";

import { Tabs, TabsContent, TabsList, TabsTrigger } from "~/components/ui/tabs";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunResult, TPipelineProblem } from "~/domain/pipelines/pipeline-dto";
import { NodeRunView } from "../dry-run/node-run-view";
import { ModelField } from "../models/model-field";
import type { TFieldContext } from "../inspector/config-field";
import { NodeInspector } from "../inspector/node-inspector";
import { PipelineSettingsForm } from "../inspector/pipeline-settings-form";
import { LiveTab } from "../runtime/live-tab";
import type { TRuntimeWatch } from "../runtime/use-runtime-overlay";
import type { TSelection } from "./selection";
import type { TDocumentEdit } from "./use-document-history";

/** Shown in a JSONata field's sample when the dry run has not yet given this step a record. */
const DEFAULT_SAMPLE = '{\n  "id": "server-1-cpu",\n  "value": 42\n}';

/**
 * The right-hand panel: the selected node's inspector, or the pipeline's settings when nothing (or
 * several) is selected; while the pipeline is deployed, each has a "Live" tab.
 */
export function EditorSidebar({
  clusterId,
  pipelineId,
  document,
  selection,
  problems,
  run,
  watch,
  tab,
  onTabChange,
  change,
}: {
  clusterId: string;
  pipelineId: string;
  document: TPipelineDocument;
  selection: TSelection;
  problems: readonly TPipelineProblem[];
  run: TDryRunResult | null;
  watch: TRuntimeWatch;
  /** The open tab: "settings", "run" (nodes only) or "live"; kept by the editor across selections. */
  tab: string;
  onTabChange: (tab: string) => void;
  change: (edit: TDocumentEdit, mergeKey?: string) => void;
}) {
  const selectedId = selection.nodes.size === 1 ? [...selection.nodes][0] : undefined;
  const node = selectedId ? document.nodes.find((candidate) => candidate.id === selectedId) : undefined;
  const isDeployed = !!watch.overlay?.deployment;
  const liveTab = (selected: TPipelineDocument["nodes"][number] | null) => (
    <LiveTab clusterId={clusterId} pipelineId={pipelineId} document={document} watch={watch} node={selected} />
  );
  return (
    <aside
      id="inspector"
      aria-label="Inspector"
      className="border-line bg-surface min-h-0 overflow-y-auto rounded-lg border p-4"
    >
      {node ? (
        <NodeInspector
          key={node.id}
          node={node}
          problems={problems.filter((problem) => problem.nodeId === node.id)}
          context={fieldContext(clusterId, run, node.id)}
          runView={
            <NodeRunView
              run={run?.nodes[node.id]}
              edgeRuns={document.edges
                .filter((edge) => edge.source === node.id || edge.target === node.id)
                .flatMap((edge) => (run?.edges[edge.id] ? [run.edges[edge.id]!] : []))}
            />
          }
          liveView={isDeployed ? liveTab(node) : null}
          tab={tab}
          onTabChange={onTabChange}
          onChange={change}
        />
      ) : (
        <div className="space-y-4">
          <h2 className="font-semibold">Pipeline</h2>
          {selection.nodes.size > 1 ? (
            <p className="text-muted text-xs">{selection.nodes.size} nodes selected. Select one to edit it.</p>
          ) : (
            <p className="text-muted text-xs">Select a node to edit it; these settings apply to the whole pipeline.</p>
          )}
          {isDeployed ? (
            <Tabs value={tab === "live" ? "live" : "settings"} onValueChange={onTabChange}>
              <TabsList>
                <TabsTrigger value="settings">Settings</TabsTrigger>
                <TabsTrigger value="live">Live</TabsTrigger>
              </TabsList>
              <TabsContent value="settings">
                <PipelineSettingsForm clusterId={clusterId} document={document} onChange={change} />
              </TabsContent>
              <TabsContent value="live">{liveTab(null)}</TabsContent>
            </Tabs>
          ) : (
            <PipelineSettingsForm clusterId={clusterId} document={document} onChange={change} />
          )}
        </div>
      )}
    </aside>
  );
}

function fieldContext(clusterId: string, run: TDryRunResult | null, nodeId: string): TFieldContext {
  const first = run?.nodes[nodeId]?.samples[0]?.input;
  return {
    clusterId,
    sample: first ? JSON.stringify(first.value, null, 2) : DEFAULT_SAMPLE,
    renderModelField: (props) => <ModelField {...props} />,
  };
}
