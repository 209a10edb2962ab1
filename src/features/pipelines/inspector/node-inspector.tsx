"use client";

import type { ReactNode } from "react";
import { Field, Input } from "~/components/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "~/components/ui/tabs";
import type { TPipelineDocument, TPipelineNode } from "~/domain/pipelines/document";
import { updateNode } from "~/domain/pipelines/edits";
import { specOf } from "~/domain/pipelines/kinds";
import type { TPipelineProblem } from "~/domain/pipelines/pipeline-dto";
import { cn } from "~/lib/cn";
import { KindIcon } from "../canvas/kind-icon";
import { nodeTitle } from "../canvas/node-text";
import type { TFieldContext } from "./config-field";
import { NodeConfigForm } from "./node-config-form";

type TDocumentEdit = (document: TPipelineDocument) => TPipelineDocument;

/** The selected node: its label, its kind's form, the rules it breaks, its last dry run, and live while deployed. */
export function NodeInspector({
  node,
  problems,
  context,
  runView,
  liveView,
  tab,
  onTabChange,
  onChange,
}: {
  node: TPipelineNode;
  problems: readonly TPipelineProblem[];
  context: TFieldContext;
  /** The "Dry run" tab's content (the node's records in the last dry run). */
  runView: ReactNode;
  /** The "Live" tab's content while the pipeline is deployed; no tab when null. */
  liveView?: ReactNode;
  /** The open tab (the editor keeps it across selections, and opens "live" from a dead-letter edge). */
  tab?: string;
  onTabChange?: (tab: string) => void;
  onChange: (edit: TDocumentEdit, mergeKey: string) => void;
}) {
  const spec = specOf(node.kind);
  return (
    <div className="space-y-4" data-testid="node-inspector" data-node-id={node.id}>
      <header className="flex items-center gap-2">
        <KindIcon icon={spec.icon} className="text-muted size-5" />
        <div className="min-w-0">
          <h2 id="inspector-heading" className="truncate font-semibold" tabIndex={-1}>
            {nodeTitle(node)}
          </h2>
          <p className="text-muted text-xs">
            {spec.label} · <span className="font-mono">{node.id}</span>
          </p>
        </div>
      </header>
      {problems.length > 0 ? (
        <ul className="space-y-1 text-xs" aria-label="Problems of this node">
          {problems.map((problem, index) => (
            <li key={index} className={cn(problem.severity === "error" ? "text-danger" : "text-warn")}>
              {problem.sentence}
            </li>
          ))}
        </ul>
      ) : null}
      <Tabs
        {...(tab === undefined
          ? { defaultValue: "settings" }
          : { value: tab === "live" && !liveView ? "settings" : tab })}
        onValueChange={onTabChange}
      >
        <TabsList>
          <TabsTrigger value="settings">Settings</TabsTrigger>
          <TabsTrigger value="run">Dry run</TabsTrigger>
          {liveView ? <TabsTrigger value="live">Live</TabsTrigger> : null}
        </TabsList>
        <TabsContent value="settings" className="space-y-4">
          <Field label="Label" hint={`Empty: ${node.kind === "topic" ? "the topic's name" : spec.label}.`}>
            <Input
              value={node.label}
              maxLength={100}
              onChange={(event) => {
                const label = event.target.value;
                onChange((document) => updateNode(document, node.id, { label }), `label:${node.id}`);
              }}
            />
          </Field>
          <NodeConfigForm
            key={node.id}
            node={node}
            context={context}
            onApply={(config) =>
              onChange(
                (document) => updateNode(document, node.id, { config: config as TPipelineNode["config"] }),
                `config:${node.id}`,
              )
            }
          />
        </TabsContent>
        <TabsContent value="run">{runView}</TabsContent>
        {liveView ? <TabsContent value="live">{liveView}</TabsContent> : null}
      </Tabs>
    </div>
  );
}
