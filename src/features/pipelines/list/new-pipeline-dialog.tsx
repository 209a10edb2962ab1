"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { Field, FieldGroup, Input, Textarea } from "~/components/ui/input";
import { PIPELINE_NAME_PATTERN } from "~/domain/pipelines/document";
import { TEMPLATE_IDS, type TTemplateId } from "~/domain/pipelines/pipeline-requests";
import { PIPELINE_TEMPLATES } from "~/domain/pipelines/templates";
import { useTRPC } from "~/trpc/react";
import { pipelineHref } from "../pipeline-links";

/** Used until the templates module describes a template itself. */
const FALLBACK_TITLES: Record<TTemplateId, { title: string; description: string }> = {
  blank: { title: "Blank", description: "An empty canvas." },
  "telemetry-anomalies": {
    title: "Telemetry anomalies",
    description: "telemetry.raw → clean → telemetry.clean → z-score per stream → results.",
  },
  "telemetry-windows": {
    title: "Windowed averages",
    description: "telemetry.clean → 1-minute windows per key → results.",
  },
};

function templateText(id: TTemplateId): { title: string; description: string } {
  const template = PIPELINE_TEMPLATES.find((candidate) => candidate.id === id);
  return template ? { title: template.title, description: template.description } : FALLBACK_TITLES[id];
}

/** Names a new pipeline, starting blank or from one of the seeds' templates, and opens it. */
export function NewPipelineDialog({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const permission = useMe().can("operator");
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [template, setTemplate] = useState<TTemplateId>("blank");
  const create = useMutation({
    ...trpc.pipelines.create.mutationOptions(),
    onSuccess: async (detail) => {
      await queryClient.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey({ clusterId }) });
      router.push(pipelineHref(clusterId, detail.id));
    },
  });
  const trimmed = name.trim();
  const nameError =
    trimmed.length > 0 && !PIPELINE_NAME_PATTERN.test(trimmed)
      ? "A pipeline name is letters, digits, spaces, '.', '_' or '-', starting with a letter or digit."
      : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!trimmed || nameError) return;
    create.mutate({ clusterId, name: trimmed, description, template });
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Dialog open={open} onOpenChange={(next) => !create.isPending && setOpen(next)}>
        <DialogTrigger asChild>
          <Button variant="primary" disabled={!permission.allowed}>
            <Plus aria-hidden className="size-4" />
            New pipeline
          </Button>
        </DialogTrigger>
        <DialogContent
          title="New pipeline"
          description="Name it and choose where to start; you can change everything later."
        >
          <form onSubmit={submit} className="space-y-4">
            <Field label="Name" error={nameError}>
              <Input data-autofocus value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
            </Field>
            <Field label="Description" hint="Optional: what the pipeline is for.">
              <Textarea
                rows={3}
                className="font-sans"
                value={description}
                onChange={(event) => setDescription(event.target.value)}
              />
            </Field>
            <FieldGroup legend="Start from">
              <div className="space-y-2">
                {TEMPLATE_IDS.map((id) => {
                  const text = templateText(id);
                  return (
                    <label key={id} className="border-line flex cursor-pointer gap-3 rounded-md border p-3 text-sm">
                      <input
                        type="radio"
                        name="template"
                        value={id}
                        checked={template === id}
                        onChange={() => setTemplate(id)}
                        className="accent-accent mt-0.5"
                      />
                      <span>
                        <span className="block font-medium">{text.title}</span>
                        <span className="text-muted block">{text.description}</span>
                      </span>
                    </label>
                  );
                })}
              </div>
            </FieldGroup>
            <ErrorBanner error={create.error} />
            <DialogFooter>
              <DialogClose asChild>
                <Button>Cancel</Button>
              </DialogClose>
              <Button type="submit" variant="primary" disabled={!trimmed || nameError !== null || create.isPending}>
                {create.isPending ? "Creating…" : "Create pipeline"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <RoleNote permission={permission} />
    </div>
  );
}
