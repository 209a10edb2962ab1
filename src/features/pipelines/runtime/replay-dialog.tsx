"use client";

import { useMutation } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useState } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import type { TDeadLetterRecord } from "~/domain/pipelines/runtime/runtime-dto";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

/**
 * "Replay into <input topic>": after a fix, produces the step's dead letters shown here back into
 * the topic the step reads (operators; audited on the server). Exactly the records the operator
 * sees are sent, so the count in the dialog is the count replayed.
 */
export function ReplayDialog({
  clusterId,
  pipelineId,
  nodeId,
  stepName,
  inputTopic,
  records,
}: {
  clusterId: string;
  pipelineId: string;
  nodeId: string;
  stepName: string;
  /** From the open document; the server replays into the deployed revision's input and says which. */
  inputTopic: string | null;
  records: readonly TDeadLetterRecord[];
}) {
  const trpc = useTRPC();
  const permission = useMe().can("operator");
  const [open, setOpen] = useState(false);
  const replay = useMutation(trpc.runtime.replayDeadLetters.mutationOptions());
  const topicText = inputTopic ?? "the step's input topic";
  const count = pluralize(records.length, "record");
  return (
    <div className="space-y-1">
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (replay.isPending) return;
          if (next) replay.reset();
          setOpen(next);
        }}
      >
        <DialogTrigger asChild>
          <Button disabled={!permission.allowed || records.length === 0} title={permission.reason}>
            <RotateCcw aria-hidden className="size-4" />
            Replay into {topicText}
          </Button>
        </DialogTrigger>
        <DialogContent
          title={`Replay ${count} into ${topicText}?`}
          description={`Tributary writes each record's original key and value to ${topicText}, where ${stepName} reads them again. Fix what made them fail first, or they come back here. They also stay in the dead-letter topic.`}
        >
          <ErrorBanner error={replay.error} />
          <DialogFooter>
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button
              variant="primary"
              disabled={replay.isPending}
              onClick={() =>
                replay.mutate(
                  {
                    clusterId,
                    pipelineId,
                    nodeId,
                    records: records.map((record) => ({ partition: record.partition, offset: record.offset })),
                  },
                  { onSuccess: () => setOpen(false) },
                )
              }
            >
              {replay.isPending ? "Replaying…" : `Replay ${count}`}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <RoleNote permission={permission} />
      {replay.data && !open ? (
        <p role="status" className="text-ok text-xs" data-testid="replay-result">
          Replayed {pluralize(replay.data.replayed, "record")} into {replay.data.inputTopic}.
        </p>
      ) : null}
    </div>
  );
}
