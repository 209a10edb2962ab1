"use client";

import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { ConfirmNameField } from "~/components/ui/confirm-name-field";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

type DeleteGroupDialogProps = { clusterId: string; groupId: string; isBlocked: boolean };

/** Deleting a group drops all its committed offsets, so the user types its id first. */
export function DeleteGroupDialog({ clusterId, groupId, isBlocked }: DeleteGroupDialogProps) {
  const trpc = useTRPC();
  const permission = useMe().can("operator");
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState("");
  const remove = useMutation({
    ...trpc.groups.delete.mutationOptions(),
    onSuccess: async () => {
      // Stop polling the deleted group before leaving, so its page does not flash an error.
      await queryClient.cancelQueries({ queryKey: trpc.groups.offsets.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.groups.pathKey() });
      router.push(`/clusters/${encodeURIComponent(clusterId)}/groups`);
    },
  });
  const matches = confirmation === groupId;
  const error = remove.error ? toUserMessage(remove.error) : null;

  function openChange(next: boolean) {
    if (remove.isPending) return;
    if (next) {
      setConfirmation("");
      remove.reset();
    }
    setOpen(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches || remove.isPending || remove.isSuccess) return;
    remove.mutate({ clusterId, groupId, confirmation });
  }

  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild>
        <Button disabled={isBlocked || !permission.allowed} title={permission.reason} className="text-danger">
          <Trash2 aria-hidden className="size-4" />
          Delete group
        </Button>
      </DialogTrigger>
      <RoleNote permission={permission} />
      <DialogContent title="Delete group" description="The group and all its committed offsets are deleted for good.">
        <form onSubmit={submit} className="space-y-4" noValidate>
          <ConfirmNameField
            name={groupId}
            value={confirmation}
            onChange={setConfirmation}
            disabled={remove.isPending || remove.isSuccess}
            isAutoFocus
          />
          {error ? (
            <Banner tone="danger" title={error.message}>
              {error.hint}
            </Banner>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button disabled={remove.isPending}>Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={!matches || remove.isPending || remove.isSuccess}>
              {remove.isPending ? "Deleting…" : remove.isSuccess ? "Deleted — opening the group list…" : "Delete group"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
