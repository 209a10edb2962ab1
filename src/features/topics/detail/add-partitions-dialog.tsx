"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { validatePartitionIncrease } from "~/domain/topics/partition-change";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { Field, Input } from "~/components/ui/input";
import { toUserMessage } from "~/lib/error-message";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { MovedKeysNote } from "./moved-keys-note";

type AddPartitionsDialogProps = { clusterId: string; topic: TTopicDescription };

export function AddPartitionsDialog({ clusterId, topic }: AddPartitionsDialogProps) {
  const current = topic.partitions.length;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState("");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const add = useMutation({
    ...trpc.topics.addPartitions.mutationOptions(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.topics.describe.queryKey({ clusterId, name: topic.name }) });
      setOpen(false);
    },
  });
  const requested = Number(draft);
  const check =
    draft.trim() === ""
      ? ({ ok: false, message: "Enter the new number of partitions." } as const)
      : validatePartitionIncrease(current, requested);
  const serverError = add.error ? toUserMessage(add.error) : null;

  function openChange(next: boolean) {
    if (add.isPending) return;
    if (next) {
      setDraft(String(current + 1));
      add.reset();
    }
    setOpen(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!check.ok || add.isPending) return;
    add.mutate({ clusterId, name: topic.name, count: requested });
  }

  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden className="size-4" />
          Add partitions
        </Button>
      </DialogTrigger>
      <DialogContent title="Add partitions" description={`${topic.name} has ${pluralize(current, "partition")}.`}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field
            label="New partition count"
            hint={`More than ${current}; Kafka can only add partitions.`}
            error={check.ok ? null : check.message}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={current + 1}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              className="w-40 tabular-nums"
            />
          </Field>
          <Banner tone="warn" title="Keyed messages will go to different partitions">
            {"Kafka picks a key's partition as hash(key) modulo the partition count."}
            {check.ok ? (
              <MovedKeysNote
                clusterId={clusterId}
                name={topic.name}
                from={current}
                to={requested}
                warnings={check.warnings}
              />
            ) : (
              " Changing the count moves most keys, and per-key order holds only among messages written after the change."
            )}
          </Banner>
          {serverError ? (
            <Banner tone="danger" title={serverError.message}>
              {serverError.hint}
            </Banner>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button disabled={add.isPending}>Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="primary" disabled={!check.ok || add.isPending}>
              {add.isPending
                ? "Adding…"
                : check.ok
                  ? `Add ${pluralize(requested - current, "partition")}`
                  : "Add partitions"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
