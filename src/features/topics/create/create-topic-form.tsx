"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { DialogClose, DialogFooter } from "~/components/ui/dialog";
import { Field, Input } from "~/components/ui/input";
import { validateTopicSpec } from "~/domain/topics/topic-spec";
import { toUserMessage } from "~/lib/error-message";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { CleanupAndMinIsrFields } from "./cleanup-fields";
import { OtherConfigsFields } from "./other-configs-fields";
import { PresetButtons } from "./preset-buttons";
import { RetentionSizeFields, RetentionTimeFields } from "./retention-fields";
import {
  EMPTY_TOPIC_FORM,
  effectiveReplicationFactor,
  formFromPreset,
  formToSpec,
  retentionSizeChange,
  retentionTimeChange,
  type TTopicForm,
} from "./topic-form-state";
import { useLiveBrokerCount } from "./use-live-broker-count";

type CreateTopicFormProps = { clusterId: string; onCreated: (name: string) => void };

/** The create form: checked as the user types with the server's own rules, then by the broker. */
export function CreateTopicForm({ clusterId, onCreated }: CreateTopicFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const liveBrokerCount = useLiveBrokerCount(clusterId);
  const [form, setForm] = useState<TTopicForm>(EMPTY_TOPIC_FORM);
  // Errors show for fields the user has changed, and for all of them after a submit attempt.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [isSubmitted, setIsSubmitted] = useState(false);
  const existingNames = useQuery(trpc.topics.names.queryOptions({ clusterId }));
  const check = useMutation(trpc.topics.create.mutationOptions());
  const create = useMutation(trpc.topics.create.mutationOptions());

  const { spec, fieldErrors } = formToSpec(form, liveBrokerCount);
  // Until the names and the broker count arrive, the server's answer covers those two checks.
  const { errors, warnings } = validateTopicSpec(spec, {
    liveBrokerCount: liveBrokerCount ?? Number.MAX_SAFE_INTEGER,
    existingTopicNames: existingNames.data ?? [],
  });
  const hasErrors = Object.keys(errors).length > 0 || Object.keys(fieldErrors).length > 0;
  const isSending = check.isPending || create.isPending;
  const serverError = create.error ?? check.error;
  const shown = (key: string, error: string | undefined) => (isSubmitted || touched.has(key) ? error : undefined);

  function edit(key: string, change: Partial<TTopicForm>) {
    setForm((current) => ({ ...current, ...change }));
    setTouched((current) => new Set(current).add(key));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSubmitted(true);
    if (hasErrors || isSending) return;
    check.reset();
    create.reset();
    try {
      await check.mutateAsync({ clusterId, spec, validateOnly: true });
      await create.mutateAsync({ clusterId, spec, validateOnly: false });
    } catch {
      return; // the mutation's error is shown below
    }
    await queryClient.invalidateQueries({ queryKey: trpc.topics.list.queryKey() });
    onCreated(spec.name);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-5">
      <PresetButtons
        isReady={liveBrokerCount !== null}
        onPick={(preset) => {
          setForm(formFromPreset(form.name, preset.build(liveBrokerCount ?? 1)));
          setTouched(new Set(["partitions", "replicationFactor", "retention.ms", "retention.bytes", "minIsr", "rows"]));
        }}
      />
      <Field
        label="Name"
        error={shown("name", errors.name)}
        hint="Letters, digits, '.', '_' and '-'; at most 249 characters."
      >
        <Input
          value={form.name}
          onChange={(event) => edit("name", { name: event.target.value })}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          data-autofocus
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Partitions"
          error={shown("partitions", errors.partitions)}
          hint="Can be increased later, never reduced."
        >
          <Input
            inputMode="numeric"
            value={form.partitions}
            onChange={(event) => edit("partitions", { partitions: event.target.value })}
          />
        </Field>
        <Field
          label="Replication factor"
          error={shown("replicationFactor", errors.replicationFactor)}
          hint={
            liveBrokerCount === null
              ? "Counting live brokers…"
              : `This cluster has ${pluralize(liveBrokerCount, "live broker")}.`
          }
        >
          <Input
            inputMode="numeric"
            value={effectiveReplicationFactor(form, liveBrokerCount)}
            onChange={(event) => edit("replicationFactor", { replicationFactor: event.target.value })}
          />
        </Field>
      </div>
      <RetentionTimeFields
        amount={form.retentionAmount}
        unit={form.retentionUnit}
        isForever={form.retentionForever}
        error={shown("retention.ms", fieldErrors["retention.ms"] ?? errors["configs.retention.ms"])}
        onChange={(change) => edit("retention.ms", retentionTimeChange(change))}
      />
      <RetentionSizeFields
        amount={form.sizeAmount}
        unit={form.sizeUnit}
        isUnlimited={form.sizeUnlimited}
        error={shown("retention.bytes", fieldErrors["retention.bytes"] ?? errors["configs.retention.bytes"])}
        onChange={(change) => edit("retention.bytes", retentionSizeChange(change))}
      />
      <CleanupAndMinIsrFields
        form={form}
        cleanupError={errors["configs.cleanup.policy"]}
        minIsrError={shown("minIsr", errors["configs.min.insync.replicas"])}
        onCleanupPolicyChange={(cleanupPolicy) => edit("cleanup", { cleanupPolicy })}
        onMinIsrChange={(minInsyncReplicas) => edit("minIsr", { minInsyncReplicas })}
      />
      <OtherConfigsFields
        rows={form.otherConfigs}
        errorOf={(row) => shown("rows", fieldErrors[`row.${row.id}`] ?? errors[`configs.${row.name}`])}
        onChange={(otherConfigs) => edit("rows", { otherConfigs })}
      />
      {warnings.length > 0 ? (
        <Banner tone="warn" title="Before you create it">
          <ul className="list-disc space-y-1 pl-4">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      {serverError ? (
        <Banner tone="danger" title={toUserMessage(serverError).message}>
          {toUserMessage(serverError).hint}
        </Banner>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="primary" disabled={isSending}>
          {isSending ? (check.isPending ? "Checking…" : "Creating…") : "Create topic"}
        </Button>
      </DialogFooter>
    </form>
  );
}
