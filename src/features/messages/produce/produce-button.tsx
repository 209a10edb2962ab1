"use client";

import { Send } from "lucide-react";
import { useState } from "react";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "~/components/ui/dialog";
import { EMPTY_DRAFT } from "./produce-draft";
import { ProduceForm } from "./produce-form";

/** Opens the produce form for this topic. The form starts afresh each time the dialog opens. */
export function ProduceButton({ clusterId, topic }: { clusterId: string; topic: TTopicDescription }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Send aria-hidden className="size-4" />
          Produce
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Produce to ${topic.name}`}
        description="Acknowledged by all in-sync replicas before it counts as sent."
        className="max-w-2xl"
      >
        <ProduceForm
          clusterId={clusterId}
          topic={topic.name}
          partitionCount={topic.partitions.length}
          initialDraft={EMPTY_DRAFT}
          submitLabel="Produce"
          onShow={() => setOpen(false)}
        />
      </DialogContent>
    </Dialog>
  );
}
