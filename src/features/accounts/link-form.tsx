"use client";

import { useState, type FormEvent } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Field, Input } from "~/components/ui/input";
import { ZRedeemLink } from "~/domain/accounts";

type TProps = { kind: "setup" | "invite"; token: string; email: string | null };
type TFailure = { message: string; hint?: string | null; fieldErrors?: Record<string, string[]> };

/** The form behind a setup or invite link: name, email (setup only) and password; signs in on success. */
export function LinkForm({ kind, token, email }: TProps) {
  const [failure, setFailure] = useState<TFailure | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      kind,
      token,
      name: String(form.get("name") ?? ""),
      email: email ? undefined : String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    // The same rules as the server, so a short password is caught before anything is sent.
    const checked = ZRedeemLink.safeParse(body);
    if (!checked.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of checked.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
      setFailure({ message: "Check the highlighted fields.", fieldErrors });
      return;
    }
    setPending(true);
    const response = await fetch("/api/auth/link", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (response?.ok) {
      window.location.replace("/");
      return;
    }
    setPending(false);
    setFailure(
      response
        ? (((await response.json().catch(() => null)) as TFailure | null) ?? { message: "Try again." })
        : { message: "Tributary did not answer." },
    );
  }

  const fieldError = (name: string) => failure?.fieldErrors?.[name]?.[0];
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4"
      aria-label={kind === "setup" ? "Create the first admin" : "Join Tributary"}
    >
      {failure ? (
        <Banner tone="danger" title={failure.message}>
          {failure.hint}
        </Banner>
      ) : null}
      <Field label="Your name" error={fieldError("name")}>
        <Input name="name" autoComplete="name" required autoFocus />
      </Field>
      {email ? (
        <p className="text-muted text-sm">
          You will sign in as <strong className="text-ink">{email}</strong>.
        </p>
      ) : (
        <Field label="Email" error={fieldError("email")}>
          <Input name="email" type="email" autoComplete="username" required />
        </Field>
      )}
      <Field label="Password" hint="At least 10 characters." error={fieldError("password")}>
        <Input name="password" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" variant="primary" disabled={isPending}>
        {kind === "setup" ? "Create admin account" : "Create account"}
      </Button>
    </form>
  );
}
