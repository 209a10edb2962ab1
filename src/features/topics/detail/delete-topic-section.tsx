"use client";

import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { isInternalTopicName } from "~/domain/topics/topic-name";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { ConfirmNameField } from "~/components/ui/confirm-name-field";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { topicListHref } from "./topic-links";

/** Deleting is for good, so the user types the topic's name first; Kafka's own topics are refused. */
export function DeleteTopicSection({ clusterId, topic }: { clusterId: string; topic: TTopicDescription }) {
  const trpc = useTRPC();
  const permission = useMe().can("admin");
  const queryClient = useQueryClient();
  const router = useRouter();
  const [confirmation, setConfirmation] = useState("");
  const remove = useMutation({
    ...trpc.topics.delete.mutationOptions(),
    onSuccess: async () => {
      // Stop refreshing the deleted topic before leaving, so its page does not flash "not found".
      await queryClient.cancelQueries({ queryKey: trpc.topics.describe.queryKey({ clusterId, name: topic.name }) });
      await queryClient.invalidateQueries({ queryKey: trpc.topics.list.pathKey() });
      router.push(topicListHref(clusterId));
    },
  });
  const isInternal = topic.isInternal || isInternalTopicName(topic.name);
  const matches = confirmation === topic.name;
  const serverError = remove.error ? toUserMessage(remove.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches || remove.isPending || remove.isSuccess) return;
    remove.mutate({ clusterId, name: topic.name, confirmation });
  }

  return (
    <Card className="border-danger/40" aria-labelledby="danger-zone">
      <CardHeader
        title={<span id="danger-zone">Danger zone</span>}
        description="Deleting a topic deletes all of its messages for good; consumers reading it will fail."
      />
      <div className="px-5 py-4">
        {isInternal ? (
          <p className="text-muted text-sm">
            {topic.name} is one of Kafka&apos;s internal topics: Kafka keeps consumer offsets and transactions in them,
            so Tributary does not delete it.
          </p>
        ) : (
          <form onSubmit={submit} className="space-y-3">
            <ConfirmNameField
              name={topic.name}
              value={confirmation}
              onChange={setConfirmation}
              className="max-w-md font-mono"
              disabled={remove.isPending || remove.isSuccess}
            />
            {serverError ? (
              <Banner tone="danger" title={serverError.message}>
                {serverError.hint}
              </Banner>
            ) : null}
            <Button
              type="submit"
              variant="danger"
              disabled={!matches || !permission.allowed || remove.isPending || remove.isSuccess}
              title={permission.reason}
            >
              <Trash2 aria-hidden className="size-4" />
              {remove.isPending ? "Deleting…" : remove.isSuccess ? "Deleted — opening the topic list…" : "Delete topic"}
            </Button>
            <RoleNote permission={permission} />
          </form>
        )}
      </div>
    </Card>
  );
}
