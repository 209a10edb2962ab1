"use client";

import { useQuery } from "@tanstack/react-query";
import type { TRole } from "~/domain/accounts";

export type TLinkStatus = {
  link: { role: TRole; email: string | null; expiresAt: string } | null;
  hasAccounts: boolean;
  hasAdmin: boolean;
};

/** Whether accounts exist, and whether a setup/invite link still works (public: no session needed). */
export function useLinkStatus(kind?: "setup" | "invite", token?: string) {
  return useQuery({
    queryKey: ["account-link", kind, token],
    queryFn: async (): Promise<TLinkStatus> => {
      const params = new URLSearchParams();
      if (kind && token) {
        params.set("kind", kind);
        params.set("token", token);
      }
      const response = await fetch(`/api/auth/link?${params}`, { cache: "no-store" });
      if (!response.ok) throw new Error(((await response.json()) as { message: string }).message);
      return (await response.json()) as TLinkStatus;
    },
  });
}
