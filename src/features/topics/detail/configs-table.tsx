"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TTopicConfigEntry } from "~/domain/topics/topic-dto";
import { findTopicConfig } from "~/domain/topics/topic-configs";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Checkbox } from "~/components/ui/input";
import { toUserMessage } from "~/lib/error-message";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { CONFIG_SOURCE_LABELS, isOverridden, readableConfigValue } from "./config-display";
import { ConfigEditor } from "./config-editor";

type ConfigsTableProps = { clusterId: string; topicName: string; configs: TTopicConfigEntry[] };

export function ConfigsTable({ clusterId, topicName, configs }: ConfigsTableProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const reset = useMutation({
    ...trpc.topics.alterConfigs.mutationOptions(),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: trpc.topics.describe.queryKey({ clusterId, name: topicName }) }),
  });
  const overridden = configs.filter(isOverridden);
  const shown = showAll ? configs : overridden;
  const resetError = reset.error ? toUserMessage(reset.error) : null;

  return (
    <Card>
      <CardHeader
        title="Configs"
        description={`${pluralize(overridden.length, "config")} not at Kafka's default, of ${configs.length}.`}
        actions={<Checkbox label="Show all" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} />}
      />
      {resetError ? (
        <div className="px-5 pt-4">
          <Banner tone="danger" title={resetError.message}>
            {resetError.hint}
          </Banner>
        </div>
      ) : null}
      {shown.length === 0 ? (
        <EmptyState title="Every config has Kafka's default value">
          Tick “Show all” to see them, and edit one to override it.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-muted text-left text-xs uppercase">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">
                  Config
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Value
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Source
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            {shown.map((entry) => (
              <tbody
                key={entry.name}
                className="border-line border-t"
                data-testid="config-row"
                data-config={entry.name}
              >
                <tr className="align-top">
                  <th scope="row" className="px-5 py-2.5 text-left font-normal">
                    <span className="font-mono">{entry.name}</span>
                    <p className="text-muted mt-0.5 max-w-md text-xs">{findTopicConfig(entry.name)?.description}</p>
                  </th>
                  <td className="px-5 py-2.5" data-testid="config-value">
                    <ConfigValue entry={entry} />
                  </td>
                  <td className="text-muted px-5 py-2.5" data-testid="config-source">
                    {CONFIG_SOURCE_LABELS[entry.source]}
                  </td>
                  <td className="px-5 py-2 text-right whitespace-nowrap">
                    {entry.source === "dynamic-topic" ? (
                      <Button
                        variant="ghost"
                        disabled={reset.isPending}
                        aria-label={`Reset ${entry.name} to default`}
                        onClick={() => reset.mutate({ clusterId, name: topicName, changes: { [entry.name]: null } })}
                      >
                        {reset.isPending && reset.variables.changes[entry.name] === null
                          ? "Resetting…"
                          : "Reset to default"}
                      </Button>
                    ) : null}
                    {entry.readOnly ? (
                      <span className="text-muted px-3 text-xs">read-only</span>
                    ) : (
                      <Button
                        variant="ghost"
                        aria-label={`Edit ${entry.name}`}
                        onClick={() => setEditing(entry.name)}
                        disabled={editing === entry.name}
                      >
                        Edit
                      </Button>
                    )}
                  </td>
                </tr>
                {editing === entry.name ? (
                  <tr>
                    <td colSpan={4} className="px-5 pb-4">
                      <ConfigEditor
                        clusterId={clusterId}
                        topicName={topicName}
                        entry={entry}
                        onDone={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : null}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </Card>
  );
}

function ConfigValue({ entry }: { entry: TTopicConfigEntry }) {
  if (entry.isSensitive) return <span className="text-muted italic">hidden</span>;
  if (entry.value === null) return <span className="text-muted">none</span>;
  const readable = readableConfigValue(entry.name, entry.value);
  return (
    <span className="font-mono break-words">
      {entry.value === "" ? <span className="text-muted italic">empty</span> : entry.value}
      {readable ? <span className="text-muted block font-sans text-xs">{readable}</span> : null}
    </span>
  );
}
