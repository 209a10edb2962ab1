"use client";

import { useState, type FormEvent } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Field, Input } from "~/components/ui/input";

/** The sentence for each way better-auth's sign-in can fail. */
function signInFailure(status: number, retryAfter: string | null): string {
  if (status === 429) {
    return `Too many sign-in attempts from here. Wait ${retryAfter ?? "a minute"} seconds and try again.`;
  }
  if (status === 403) return "This account is disabled. Ask a Tributary admin to enable it.";
  if (status === 401) return "Wrong email or password.";
  return "Tributary could not sign you in. Try again; if it persists, check the server log.";
}

export function SignInForm({ next, autoFocus = true }: { next: string; autoFocus?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    }).catch(() => null);
    if (response?.ok) {
      // A full load, so the server renders the shell with the signed-in account.
      window.location.replace(next);
      return;
    }
    setPending(false);
    setError(
      response
        ? signInFailure(response.status, response.headers.get("x-retry-after"))
        : "Tributary did not answer. Check that it is running.",
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Sign in">
      {error ? <Banner tone="danger" title={error} /> : null}
      <Field label="Email">
        <Input name="email" type="email" autoComplete="username" required autoFocus={autoFocus} />
      </Field>
      <Field label="Password">
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" variant="primary" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
