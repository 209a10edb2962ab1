"use client";

import { useQuery } from "@tanstack/react-query";
import { Repeat } from "lucide-react";
import { useState } from "react";
import type { TMessage } from "~/domain/messages/message";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "~/components/ui/dialog";
import { Skeleton } from "~/components/ui/skeleton";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { draftFromMessage } from "./produce-draft";
import { ProduceForm } from "./produce-form";
import { TargetTopicField } from "./target-topic-field";

type ReplayButtonProps = { clusterId: string; topic: string; message: TMessage };

/**
 * Sends a copy of a message — as it is, or edited — to this topic or another. The form is filled
 * from the full message (a list row may carry a cut value), so an unedited replay is byte for byte.
 */
export function ReplayButton({ clusterId, topic, message }: ReplayButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Repeat aria-hidden className="size-4" />
          Replay
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Replay partition ${message.partition} · offset ${message.offset}`}
        description="Sends a copy; edit it first if you like. The original stays where it is."
        className="max-w-2xl"
      >
        {open ? (
          <ReplayForm clusterId={clusterId} topic={topic} message={message} onShow={() => setOpen(false)} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function ReplayForm({ clusterId, topic, message, onShow }: ReplayButtonProps & { onShow: () => void }) {
  const trpc = useTRPC();
  const [target, setTarget] = useState(topic);
  const ref = { clusterId, topic, partition: message.partition, offset: message.offset };
  const full = useQuery({ ...trpc.messages.get.queryOptions(ref), staleTime: Infinity });
  const targetTopic = useQuery(trpc.topics.describe.queryOptions({ clusterId, name: target }));

  if (full.error) {
    const error = toUserMessage(full.error);
    return (
      <Banner tone="danger" title={error.message}>
        {error.hint}
      </Banner>
    );
  }
  if (!full.data) return <Skeleton className="h-64 w-full" aria-label="Loading the message" />;

  return (
    <ProduceForm
      clusterId={clusterId}
      topic={target}
      partitionCount={targetTopic.data?.partitions.length ?? null}
      initialDraft={draftFromMessage(full.data)}
      replayOf={{ topic, partition: message.partition, offset: message.offset }}
      submitLabel="Replay"
      onShow={onShow}
    >
      <TargetTopicField clusterId={clusterId} value={target} onChange={setTarget} />
    </ProduceForm>
  );
}
