"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { useTRPC } from "~/trpc/react";
import { pipelineHref } from "../pipeline-links";

/** Makes an earlier revision the current document (as a new revision), then opens the editor. */
export function RestoreDialog({
  clusterId,
  pipelineId,
  revision,
  baseVersion,
}: {
  clusterId: string;
  pipelineId: string;
  revision: number;
  /** The pipeline's version as this page read it: a save by someone else since is refused as a conflict. */
  baseVersion: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { can } = useMe();
  const permission = can("operator");
  const [open, setOpen] = useState(false);
  const restore = useMutation({
    ...trpc.pipelines.restore.mutationOptions(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.pipelines.pathKey() });
      router.push(pipelineHref(clusterId, pipelineId));
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (restore.isPending) return;
        if (next) restore.reset();
        setOpen(next);
      }}
    >
      <div className="flex flex-col items-end gap-1">
        <DialogTrigger asChild>
          <Button disabled={!permission.allowed} title={permission.reason}>
            <History aria-hidden className="size-4" />
            Restore this revision
          </Button>
        </DialogTrigger>
        <RoleNote permission={permission} />
      </div>
      <DialogContent
        title={`Restore revision ${revision}?`}
        description="Its document becomes the current one, saved as a new revision. Nothing is lost: the current document stays in the list."
      >
        <ErrorBanner error={restore.error} />
        <DialogFooter>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button
            variant="primary"
            disabled={restore.isPending}
            onClick={() => restore.mutate({ clusterId, pipelineId, revision, baseVersion })}
          >
            {restore.isPending ? "Restoring…" : `Restore revision ${revision}`}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
