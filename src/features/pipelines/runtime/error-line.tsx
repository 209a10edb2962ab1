"use client";

import { toUserMessage } from "~/lib/error-message";

/** A failed request as one line for the narrow sidebar: the server's sentence and what to do. */
export function ErrorLine({ error, prefix }: { error: unknown; prefix?: string }) {
  const { message, hint } = toUserMessage(error);
  return (
    <p className="text-danger text-xs" role="alert">
      {[prefix, message, hint].filter(Boolean).join(" ")}
    </p>
  );
}
