"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { ConfirmNameField } from "~/components/ui/confirm-name-field";
import type { TCluster } from "~/domain/cluster";
import { useTRPC } from "~/trpc/react";

/** Removing forgets the cluster in Tributary (Kafka is not touched); the admin types its name first. */
export function RemoveClusterSection({ cluster }: { cluster: TCluster }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [confirmation, setConfirmation] = useState("");
  const remove = useMutation({
    ...trpc.clusters.remove.mutationOptions(),
    onSuccess: async () => {
      router.push("/admin/clusters");
      await queryClient.invalidateQueries({ queryKey: trpc.clusters.list.queryKey() });
    },
  });
  const matches = confirmation === cluster.name;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches || remove.isPending || remove.isSuccess) return;
    remove.mutate({ clusterId: cluster.id, confirmation });
  }

  return (
    <Card className="border-danger/40">
      <CardHeader
        title="Remove this cluster"
        description="Tributary forgets the cluster and its stored secrets; the cluster itself and the audit log are untouched."
      />
      <form onSubmit={submit} className="space-y-3 px-5 py-4">
        <ConfirmNameField
          name={cluster.name}
          value={confirmation}
          onChange={setConfirmation}
          className="max-w-md font-mono"
          disabled={remove.isPending || remove.isSuccess}
        />
        <ErrorBanner error={remove.error} />
        <Button type="submit" variant="danger" disabled={!matches || remove.isPending || remove.isSuccess}>
          <Trash2 aria-hidden className="size-4" />
          {remove.isPending ? "Removing…" : "Remove cluster"}
        </Button>
      </form>
    </Card>
  );
}
