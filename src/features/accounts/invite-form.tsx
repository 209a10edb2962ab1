"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Banner, ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Field, Input, Select } from "~/components/ui/input";
import { ZRole, type TRole } from "~/domain/accounts";
import { useTRPC } from "~/trpc/react";

/** Invites one person with one role; the one-time link is shown once, to copy and pass on. */
export function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TRole>("viewer");
  const invite = useMutation({
    ...trpc.admin.users.invite.mutationOptions(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.pathKey() }),
  });
  const link = invite.data ? `${window.location.origin}${invite.data.path}` : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ email, role });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Invite a user">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Email" className="min-w-64 flex-1">
          <Input type="email" value={email} onChange={(event) => setEmail(event.target.value)} required />
        </Field>
        <Field label="Role">
          <Select value={role} onChange={(event) => setRole(ZRole.parse(event.target.value))}>
            {ZRole.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="primary" disabled={invite.isPending}>
          Create invite link
        </Button>
      </div>
      <ErrorBanner error={invite.error} />
      {link ? (
        <Banner tone="info" title={`Invite for ${invite.data?.email} as ${invite.data?.role}`}>
          Copy this link and send it to them; it works once, for 7 days:{" "}
          <code data-testid="invite-link" className="break-all select-all">
            {link}
          </code>
        </Banner>
      ) : null}
    </form>
  );
}
