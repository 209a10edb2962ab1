"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { Field, Textarea } from "~/components/ui/input";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

/** Reads a YAML file of definitions (as exported) and saves them; Kafka is changed only by a plan's apply. */
export function YamlImportDialog({ clusterId, onSaved }: { clusterId: string; onSaved: (saved: number) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { can } = useMe();
  const permission = can("operator");
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const save = useMutation({
    ...trpc.definitions.importYaml.mutationOptions(),
    onSuccess: async ({ saved }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.definitions.pathKey() });
      setOpen(false);
      setText("");
      onSaved(saved);
    },
  });

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === "" || save.isPending) return;
    save.mutate({ clusterId, yaml: text });
  }

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
        title="Import definitions from YAML"
        description="Saves the file's definitions and schema versions. Nothing in Kafka changes until you apply a plan."
        className="max-w-3xl"
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field label="YAML file" hint="A file exported from a catalogue, or written by hand in the same shape.">
            <input
              type="file"
              accept=".yaml,.yml,application/yaml,text/yaml"
              onChange={(event) => void readFile(event)}
              className="text-sm"
            />
          </Field>
          <Field label="Definitions (YAML)">
            <Textarea rows={14} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
          </Field>
          <ErrorBanner error={save.error} />
          <DialogFooter>
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="primary" disabled={save.isPending || text.trim() === ""}>
              {save.isPending ? "Saving…" : "Save definitions"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function savedSentence(saved: number): string {
  return `Saved ${pluralize(saved, "definition")}. Plan changes to see what applying them would do.`;
}
