"use client";

import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { useMutation } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Field, Input } from "~/components/ui/input";
import { toUserMessage } from "~/lib/error-message";
import type { TPlaygroundLimits } from "~/domain/playground/playground-dto";
import { useTRPC } from "~/trpc/react";
import { idleMembersNote } from "~/domain/playground/demo-members";

type TFormErrors = Partial<Record<"groupId" | "memberCount" | "sessionTimeoutMs" | "processingDelayMs", string>>;

type StartFormProps = {
  clusterId: string;
  topic: string;
  partitionCount: number;
  limits: TPlaygroundLimits;
  suggestedGroupId: string;
  onStarted: (groupId: string) => void;
};

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The same rules as the server (it sends its limits), so most mistakes show before a request. */
function validate(form: Record<keyof TFormErrors, string>, limits: TPlaygroundLimits): TFormErrors {
  const errors: TFormErrors = {};
  if (!/^[a-zA-Z0-9._-]+$/.test(form.groupId.trim())) {
    errors.groupId = "Use only letters, digits, '.', '_' and '-' in the group name.";
  }
  const members = wholeNumber(form.memberCount);
  if (members === null || members < 1 || members > limits.maxMembersPerPlayground) {
    errors.memberCount = `Start between 1 and ${limits.maxMembersPerPlayground} members.`;
  }
  const seconds = wholeNumber(form.sessionTimeoutMs);
  const [minS, maxS] = [limits.minSessionTimeoutMs / 1000, limits.maxSessionTimeoutMs / 1000];
  if (seconds === null || seconds < minS || seconds > maxS) {
    errors.sessionTimeoutMs = `Choose between ${minS} and ${maxS} seconds (Kafka's minimum is ${minS} s).`;
  }
  const delay = wholeNumber(form.processingDelayMs);
  if (delay === null || delay > limits.maxProcessingDelayMs) {
    errors.processingDelayMs = `Choose between 0 and ${limits.maxProcessingDelayMs} ms.`;
  }
  return errors;
}

/** Group name, member count, session timeout and processing delay; Start. */
export function PlaygroundStartForm({
  clusterId,
  topic,
  partitionCount,
  limits,
  suggestedGroupId,
  onStarted,
}: StartFormProps) {
  const trpc = useTRPC();
  const permission = useMe().can("operator");
  const [form, setForm] = useState({
    groupId: suggestedGroupId,
    memberCount: String(limits.defaultMemberCount),
    // The form speaks seconds; the API takes milliseconds.
    sessionTimeoutMs: String(limits.defaultSessionTimeoutMs / 1000),
    processingDelayMs: "0",
  });
  const [isSubmitted, setIsSubmitted] = useState(false);
  const start = useMutation({
    ...trpc.playground.start.mutationOptions(),
    onSuccess: (playground) => onStarted(playground.groupId),
  });
  const errors = isSubmitted ? validate(form, limits) : {};
  const serverFields = start.error?.data?.fieldErrors ?? null;
  const fieldError = (name: keyof TFormErrors) => errors[name] ?? serverFields?.[name]?.[0] ?? null;
  const members = wholeNumber(form.memberCount);
  const idleNote = members === null ? null : idleMembersNote(partitionCount, members);
  const failure = start.error && !serverFields ? toUserMessage(start.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsSubmitted(true);
    if (start.isPending || Object.keys(validate(form, limits)).length > 0) return;
    start.mutate({
      clusterId,
      topic,
      groupId: form.groupId.trim(),
      memberCount: Number(form.memberCount),
      sessionTimeoutMs: Number(form.sessionTimeoutMs) * 1000,
      processingDelayMs: Number(form.processingDelayMs),
    });
  }

  const change = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));

  return (
    <form onSubmit={submit} noValidate className="space-y-4 p-5" aria-label="Start a playground">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Consumer group"
          hint="A new group just for the playground: its members never disturb your consumers."
          error={fieldError("groupId")}
        >
          <Input value={form.groupId} onChange={change("groupId")} className="font-mono" spellCheck={false} />
        </Field>
        <Field
          label="Members"
          hint={`Up to ${limits.maxMembersPerPlayground}; each runs in its own process on the server.`}
          error={fieldError("memberCount")}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={limits.maxMembersPerPlayground}
            value={form.memberCount}
            onChange={change("memberCount")}
          />
        </Field>
        <Field
          label="Session timeout (seconds)"
          hint="How long Kafka waits for a member that stopped heartbeating (a killed one) before it rebalances."
          error={fieldError("sessionTimeoutMs")}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={limits.minSessionTimeoutMs / 1000}
            max={limits.maxSessionTimeoutMs / 1000}
            value={form.sessionTimeoutMs}
            onChange={change("sessionTimeoutMs")}
          />
        </Field>
        <Field
          label="Processing delay (ms per message)"
          hint="Slow members fall behind when messages arrive faster than they process them: lag grows."
          error={fieldError("processingDelayMs")}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={limits.maxProcessingDelayMs}
            step={50}
            value={form.processingDelayMs}
            onChange={change("processingDelayMs")}
          />
        </Field>
      </div>
      {idleNote ? (
        <p className="text-warn text-sm" data-testid="playground-idle-note">
          {idleNote}
        </p>
      ) : null}
      {failure ? (
        <Banner tone="danger" title={failure.message}>
          {failure.hint}
        </Banner>
      ) : null}
      <Button
        type="submit"
        variant="primary"
        disabled={start.isPending || !permission.allowed}
        title={permission.reason}
      >
        <Play aria-hidden className="size-4" />
        {start.isPending ? "Starting…" : "Start"}
      </Button>
      <RoleNote permission={permission} />
    </form>
  );
}
