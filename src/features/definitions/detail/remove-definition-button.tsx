"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useMe } from "~/components/auth/use-me";
import { catalogueHref } from "~/components/definitions/definition-links";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { useTRPC } from "~/trpc/react";

/** Removes the definition (and its schema versions) after a confirm; the topic and its messages stay. */
export function RemoveDefinitionButton({ clusterId, topicName }: { clusterId: string; topicName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { can } = useMe();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    ...trpc.definitions.remove.mutationOptions(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.definitions.pathKey() });
      router.push(catalogueHref(clusterId));
    },
  });
  const permission = can("operator");
  return (
    <Dialog open={open} onOpenChange={(next) => !remove.isPending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="ghost" disabled={!permission.allowed} title={permission.reason}>
          <Trash2 aria-hidden className="size-4" />
          Remove definition
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Remove the definition of ${topicName}?`}
        description="Its layer, owner, description and schema versions are deleted. The topic and its messages stay in Kafka."
      >
        <ErrorBanner error={remove.error} />
        <DialogFooter>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ clusterId, topicName })}>
            {remove.isPending ? "Removing…" : "Remove definition"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
