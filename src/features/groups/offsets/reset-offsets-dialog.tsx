"use client";

import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { Skeleton } from "~/components/ui/skeleton";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { checkResetForm, INITIAL_RESET_FORM, type TResetForm } from "./reset-form";
import { ResetOffsetsFields } from "./reset-offsets-fields";
import { ResetPreviewTable } from "./reset-preview-table";

type ResetOffsetsDialogProps = { clusterId: string; groupId: string; isBlocked: boolean };

/** Choose scope and strategy, see before → after for every partition, confirm; then see where they ended. */
export function ResetOffsetsDialog({ clusterId, groupId, isBlocked }: ResetOffsetsDialogProps) {
  const trpc = useTRPC();
  const permission = useMe().can("operator");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<TResetForm>(INITIAL_RESET_FORM);
  const check = checkResetForm(form);
  const input = check.ok
    ? { clusterId, groupId, topic: form.topic, partitions: check.partitions, strategy: check.strategy }
    : null;
  const preview = useQuery({
    ...trpc.groups.offsets.previewReset.queryOptions(
      input ?? { clusterId, groupId, topic: "-", strategy: { kind: "earliest" } },
    ),
    enabled: open && input !== null,
    placeholderData: keepPreviousData,
  });
  const reset = useMutation({
    ...trpc.groups.offsets.reset.mutationOptions(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.groups.offsets.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.groups.pathKey() });
    },
  });
  const blockedReason = preview.data?.blockedReason ?? null;
  const previewError = preview.error ? toUserMessage(preview.error) : null;
  const resetError = reset.error ? toUserMessage(reset.error) : null;
  const errors = check.ok ? {} : { [check.field]: check.message };
  const isCurrent = input !== null && preview.data !== undefined && !preview.isPlaceholderData;
  const canConfirm = isCurrent && !blockedReason && !reset.isPending && !reset.isSuccess;

  function openChange(next: boolean) {
    if (reset.isPending) return;
    if (next) {
      setForm(INITIAL_RESET_FORM);
      reset.reset();
    }
    setOpen(next);
  }

  function change(next: TResetForm) {
    setForm(next);
    if (reset.isSuccess || reset.isError) reset.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canConfirm || input === null) return;
    reset.mutate(input);
  }

  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild>
        <Button disabled={isBlocked || !permission.allowed} title={permission.reason}>
          <RotateCcw aria-hidden className="size-4" />
          Reset offsets
        </Button>
      </DialogTrigger>
      <RoleNote permission={permission} />
      <DialogContent
        title="Reset offsets"
        description={`Where ${groupId} resumes reading when its consumers start again.`}
        className="max-w-2xl"
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <ResetOffsetsFields
            clusterId={clusterId}
            form={form}
            onChange={change}
            errors={errors}
            disabled={reset.isPending}
          />
          <section aria-label="Preview" className="space-y-2">
            <h3 className="text-sm font-medium">{reset.isSuccess ? "Committed offsets now" : "Preview"}</h3>
            {reset.data ? (
              <ResetPreviewTable rows={reset.data.rows} afterLabel="Committed now" />
            ) : input === null ? (
              <p className="text-muted text-sm">Fill in the fields above to see each partition before and after.</p>
            ) : preview.data ? (
              <ResetPreviewTable rows={preview.data.rows} afterLabel="After" />
            ) : previewError ? null : (
              <Skeleton className="h-24 w-full" />
            )}
            {preview.data?.groupNote ? <Banner tone="warn" title={preview.data.groupNote} /> : null}
          </section>
          {reset.isSuccess ? (
            <Banner tone="info" title="The offsets were reset; Kafka reports them as shown.">
              The group resumes from these offsets when its consumers start again.
            </Banner>
          ) : null}
          {blockedReason ? (
            <Banner tone="warn" title={blockedReason}>
              Kafka resets only a group without members.
            </Banner>
          ) : null}
          {previewError ? (
            <Banner tone="danger" title={previewError.message}>
              {previewError.hint}
            </Banner>
          ) : null}
          {resetError ? (
            <Banner tone="danger" title={resetError.message}>
              {resetError.hint}
            </Banner>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button disabled={reset.isPending}>{reset.isSuccess ? "Close" : "Cancel"}</Button>
            </DialogClose>
            {reset.isSuccess ? null : (
              <Button type="submit" variant="primary" disabled={!canConfirm}>
                {reset.isPending ? "Resetting…" : "Reset offsets"}
              </Button>
            )}
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
