"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import type { TTopicConfigEntry } from "~/domain/topics/topic-dto";
import { findTopicConfig, validateTopicConfig } from "~/domain/topics/topic-configs";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Field, Input } from "~/components/ui/input";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { readableConfigValue } from "./config-display";

type ConfigEditorProps = { clusterId: string; topicName: string; entry: TTopicConfigEntry; onDone: () => void };

/** Edits one config in place: checked as you type with Kafka's own rules, saved as a topic override. */
export function ConfigEditor({ clusterId, topicName, entry, onDone }: ConfigEditorProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(entry.isSensitive ? "" : (entry.value ?? ""));
  const save = useMutation({
    ...trpc.topics.alterConfigs.mutationOptions(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.topics.describe.queryKey({ clusterId, name: topicName }) });
      onDone();
    },
  });
  const config = findTopicConfig(entry.name);
  const check = validateTopicConfig(entry.name, draft);
  const readable = check.ok ? readableConfigValue(entry.name, check.normalized) : null;
  const unchanged = check.ok && !entry.isSensitive && check.normalized === entry.value;
  const serverError = save.error ? toUserMessage(save.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!check.ok || unchanged || save.isPending) return;
    save.mutate({ clusterId, name: topicName, changes: { [entry.name]: check.normalized } });
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key === "Escape") onDone();
  }

  const hint = [
    readable ? `Means ${readable}.` : null,
    config ? `Kafka's default: ${config.defaultValue === "" ? "empty" : config.defaultValue}.` : null,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <form
      onSubmit={submit}
      onKeyDown={cancelOnEscape}
      className="border-line bg-surface-raised space-y-3 rounded-md border p-4"
    >
      <Field label={`New value for ${entry.name}`} hint={hint || undefined} error={check.ok ? null : check.message}>
        <Input
          autoFocus
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          className="max-w-md font-mono"
          spellCheck={false}
          autoComplete="off"
        />
      </Field>
      {serverError ? (
        <Banner tone="danger" title={serverError.message}>
          {serverError.hint}
        </Banner>
      ) : null}
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" disabled={!check.ok || unchanged || save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
        <Button onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
        {unchanged ? <span className="text-muted text-xs">That is the current value.</span> : null}
      </div>
    </form>
  );
}
