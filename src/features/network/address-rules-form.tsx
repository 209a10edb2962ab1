"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Banner, ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Field, Textarea } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import type { TAddressRules } from "~/domain/network/address-policy.mjs";
import { rulesFromLines } from "~/domain/network/address-rules";
import { useTRPC } from "~/trpc/react";
import { lineErrors } from "./line-errors";

/** Loads the lists, then edits them; the draft starts from what the server has. */
export function AddressRulesForm() {
  const trpc = useTRPC();
  const rules = useQuery(trpc.admin.network.get.queryOptions());
  if (rules.error) return <ErrorBanner error={rules.error} />;
  if (!rules.data) return <Skeleton className="h-48" />;
  return <RulesEditor saved={rules.data} />;
}

function RulesEditor({ saved }: { saved: TAddressRules }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [allow, setAllow] = useState(saved.allow.join("\n"));
  const [deny, setDeny] = useState(saved.deny.join("\n"));
  const save = useMutation({
    ...trpc.admin.network.set.mutationOptions(),
    onSuccess: (data) => queryClient.setQueryData(trpc.admin.network.get.queryKey(), data),
  });
  // The server checks the same rules (and the list lengths); its sentences show until the next save.
  const serverErrors = save.error?.data?.fieldErrors ?? {};
  const allowErrors = lineErrors(allow) ?? serverErrors.allow?.join(" ") ?? null;
  const denyErrors = lineErrors(deny) ?? serverErrors.deny?.join(" ") ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ allow: rulesFromLines(allow), deny: rulesFromLines(deny) });
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Address policy">
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Allow list"
          hint="Empty: every address that is not denied. Otherwise only these. One per line: 10.0.0.0/8, fd00::/8, kafka-1.example.com, *.example.com."
          error={allowErrors}
        >
          <Textarea rows={8} value={allow} onChange={(event) => setAllow(event.target.value)} spellCheck={false} />
        </Field>
        <Field
          label="Deny list"
          hint="Refused even when the allow list names them. Loopback and private ranges are allowed unless listed here."
          error={denyErrors}
        >
          <Textarea rows={8} value={deny} onChange={(event) => setDeny(event.target.value)} spellCheck={false} />
        </Field>
      </div>
      <Button
        type="submit"
        variant="primary"
        disabled={save.isPending || Boolean(lineErrors(allow) ?? lineErrors(deny))}
      >
        Save address policy
      </Button>
      <ErrorBanner error={save.error} />
      {save.isSuccess ? (
        <Banner tone="info" title="Address policy saved">
          New connections are checked against it; the clusters&apos; clients reconnected under it.
        </Banner>
      ) : null}
    </form>
  );
}
