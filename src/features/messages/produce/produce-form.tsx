"use client";

import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import type { TProduceRequest } from "~/domain/messages/produce-request";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { DialogFooter } from "~/components/ui/dialog";
import { Field, Input, Select } from "~/components/ui/input";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { HeadersEditor } from "./headers-editor";
import { PayloadEditor } from "./payload-editor";
import { checkDraft, type TProduceDraft } from "./produce-draft";
import { ProduceResult } from "./produce-result";

type ProduceFormProps = {
  clusterId: string;
  topic: string;
  /** Null while the target topic's partition count is loading. */
  partitionCount: number | null;
  initialDraft: TProduceDraft;
  replayOf?: TProduceRequest["replayOf"];
  submitLabel: string;
  /** Extra fields above the key (the replay's target topic). */
  children?: ReactNode;
  /** Called when the user follows a link to the produced messages. */
  onShow?: () => void;
};

/** Key, value, headers, partition and repeat; shows where the messages landed. */
export function ProduceForm({
  clusterId,
  topic,
  partitionCount,
  initialDraft,
  replayOf,
  submitLabel,
  children,
  onShow,
}: ProduceFormProps) {
  const [draft, setDraft] = useState(initialDraft);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const trpc = useTRPC();
  const permission = useMe().can("operator");
  const send = useMutation(trpc.messages.produce.mutationOptions());
  const check = checkDraft(draft, partitionCount ?? 1);
  const problems = check.ok || !isSubmitted ? {} : check.problems;
  const serverError = send.error ? toUserMessage(send.error) : null;

  function change(next: Partial<TProduceDraft>) {
    setDraft((current) => ({ ...current, ...next }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsSubmitted(true);
    if (!check.ok || partitionCount === null || send.isPending) return;
    send.mutate({ clusterId, topic, ...check.request, replayOf });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label={submitLabel}>
      {children}
      <PayloadEditor
        label="Key"
        rows={1}
        draft={draft.key}
        onChange={(key) => change({ key })}
        hint="Messages with the same key go to the same partition."
      />
      {problems.key ? <p className="text-danger text-xs">{problems.key}</p> : null}
      <PayloadEditor label="Value" rows={8} draft={draft.value} onChange={(value) => change({ value })} />
      <HeadersEditor headers={draft.headers} onChange={(headers) => change({ headers })} error={problems.headers} />
      <div className="flex flex-wrap gap-4">
        <Field label="Partition" error={problems.partition} className="w-56">
          <Select value={draft.partition} onChange={(event) => change({ partition: event.target.value })}>
            <option value="key">By key (Kafka&apos;s partitioner)</option>
            {Array.from({ length: partitionCount ?? 0 }, (_, partition) => (
              <option key={partition} value={String(partition)}>
                Partition {partition}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Repeat" hint="1 to 1,000 times" error={problems.repeat} className="w-32">
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            value={draft.repeat}
            onChange={(event) => change({ repeat: event.target.value })}
          />
        </Field>
      </div>
      {serverError ? (
        <Banner tone="danger" title={serverError.message}>
          {serverError.hint}
        </Banner>
      ) : null}
      {send.data ? <ProduceResult clusterId={clusterId} topic={topic} result={send.data} onShow={onShow} /> : null}
      <RoleNote permission={permission} />
      <DialogFooter>
        <Button
          type="submit"
          variant="primary"
          disabled={send.isPending || partitionCount === null || !permission.allowed}
          title={permission.reason}
        >
          {send.isPending ? "Sending…" : submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
