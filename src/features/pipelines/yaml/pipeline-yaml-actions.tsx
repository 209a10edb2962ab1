"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "~/components/ui/dialog";
import { YamlDownloadButton } from "~/components/yaml-download-button";
import { useTRPC } from "~/trpc/react";
import { YamlFileForm } from "./yaml-file-form";
import { pipelineHref } from "../pipeline-links";
import { yamlProblems } from "./yaml-problems";

/** Download this pipeline as YAML, or replace its document with a YAML file (a new revision). */
export function PipelineYamlActions({
  clusterId,
  pipelineId,
  name,
}: {
  clusterId: string;
  pipelineId: string;
  name: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ExportButton clusterId={clusterId} pipelineId={pipelineId} />
      <ImportIntoDialog clusterId={clusterId} pipelineId={pipelineId} name={name} />
    </div>
  );
}

function ExportButton({ clusterId, pipelineId }: { clusterId: string; pipelineId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Always the saved document as it is now.
  const fetchFile = () =>
    queryClient.fetchQuery({ ...trpc.pipelines.exportYaml.queryOptions({ clusterId, pipelineId }), staleTime: 0 });
  return <YamlDownloadButton fetchFile={fetchFile} />;
}

function ImportIntoDialog({ clusterId, pipelineId, name }: { clusterId: string; pipelineId: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { can } = useMe();
  const permission = can("operator");
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const problems = yamlProblems(useDeferredValue(text));
  const pipeline = useQuery({ ...trpc.pipelines.get.queryOptions({ clusterId, pipelineId }), enabled: open });
  const save = useMutation({
    ...trpc.pipelines.importYaml.mutationOptions(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.pipelines.pathKey() });
      setOpen(false);
      setText("");
    },
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (save.isPending) return;
        if (next) save.reset();
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button disabled={!permission.allowed} title={permission.reason}>
          <Upload aria-hidden className="size-4" />
          Import YAML
        </Button>
      </DialogTrigger>
      <RoleNote permission={permission} />
      <DialogContent
        title={`Import YAML into ${name}`}
        description="Replaces this pipeline's nodes, edges and settings with the file's. The current document stays in the revisions."
        className="max-w-3xl"
      >
        <YamlFileForm
          text={text}
          onText={setText}
          problems={problems}
          error={save.error ?? pipeline.error}
          isPending={save.isPending || pipeline.isPending}
          submitLabel="Replace with this file"
          pendingLabel={save.isPending ? "Importing…" : "Loading…"}
          onSubmit={() => {
            if (!pipeline.data) return;
            save.mutate({ clusterId, pipelineId, baseVersion: pipeline.data.version, yaml: text });
          }}
        >
          <p className="text-muted text-sm">
            Unsaved changes in the editor are lost; restore the previous revision from Revisions to undo.
          </p>
        </YamlFileForm>
      </DialogContent>
    </Dialog>
  );
}

/** A new pipeline from a YAML file; opens it in the editor. */
export function ImportPipelineButton({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { can } = useMe();
  const permission = can("operator");
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const problems = yamlProblems(useDeferredValue(text));
  const create = useMutation({
    ...trpc.pipelines.importYaml.mutationOptions(),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey({ clusterId }) });
      setOpen(false);
      router.push(pipelineHref(clusterId, created.id));
    },
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (create.isPending) return;
        if (next) create.reset();
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button disabled={!permission.allowed} title={permission.reason}>
          <Upload aria-hidden className="size-4" />
          Import YAML
        </Button>
      </DialogTrigger>
      <RoleNote permission={permission} />
      <DialogContent
        title="New pipeline from YAML"
        description="Creates a pipeline from the file as a draft; nothing runs until it is deployed."
        className="max-w-3xl"
      >
        <YamlFileForm
          text={text}
          onText={setText}
          problems={problems}
          error={create.error}
          isPending={create.isPending}
          submitLabel="Create pipeline"
          pendingLabel="Creating…"
          onSubmit={() => create.mutate({ clusterId, yaml: text })}
        />
      </DialogContent>
    </Dialog>
  );
}
