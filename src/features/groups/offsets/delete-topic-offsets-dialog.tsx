"use client";

import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Eraser } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { toUserMessage } from "~/lib/error-message";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { TopicPicker } from "./topic-picker";

type DeleteTopicOffsetsDialogProps = { clusterId: string; groupId: string; isBlocked: boolean };

/** Forgets the group's committed offsets for one topic (Kafka's OffsetDelete); the rest of the group stays. */
export function DeleteTopicOffsetsDialog({ clusterId, groupId, isBlocked }: DeleteTopicOffsetsDialogProps) {
  const trpc = useTRPC();
  const permission = useMe().can("operator");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [topic, setTopic] = useState("");
  const remove = useMutation({
    ...trpc.groups.offsets.deleteTopicOffsets.mutationOptions(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.groups.pathKey() });
    },
  });
  const error = remove.error ? toUserMessage(remove.error) : null;

  function openChange(next: boolean) {
    if (remove.isPending) return;
    if (next) {
      setTopic("");
      remove.reset();
    }
    setOpen(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (topic === "" || remove.isPending || remove.isSuccess) return;
    remove.mutate({ clusterId, groupId, topic });
  }

  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild>
        <Button disabled={isBlocked || !permission.allowed} title={permission.reason}>
          <Eraser aria-hidden className="size-4" />
          Delete offsets for a topic
        </Button>
      </DialogTrigger>
      <RoleNote permission={permission} />
      <DialogContent
        title="Delete offsets for a topic"
        description={`${groupId} forgets where it was in this topic; its consumers then start by their auto.offset.reset policy.`}
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TopicPicker
            clusterId={clusterId}
            value={topic}
            onChange={setTopic}
            disabled={remove.isPending || remove.isSuccess}
          />
          {remove.data ? (
            <Banner
              tone="info"
              title={`Deleted the committed offsets of ${pluralize(remove.data.deletedPartitions, "partition")}.`}
            />
          ) : null}
          {error ? (
            <Banner tone="danger" title={error.message}>
              {error.hint}
            </Banner>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button disabled={remove.isPending}>{remove.isSuccess ? "Close" : "Cancel"}</Button>
            </DialogClose>
            {remove.isSuccess ? null : (
              <Button type="submit" variant="danger" disabled={topic === "" || remove.isPending}>
                {remove.isPending ? "Deleting…" : "Delete offsets"}
              </Button>
            )}
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
