"use client";

import { useQuery } from "@tanstack/react-query";
import type { TRole } from "~/domain/accounts";
import { useTRPC } from "~/trpc/react";

const ORDER: TRole[] = ["viewer", "operator", "admin"];

/** Whether the signed-in account may do what needs `required`, and if not, the sentence saying why. */
export type TPermission = { allowed: boolean; reason: string | undefined };

/** The signed-in account (auth.me) and a check features use to disable what its role cannot do. */
export function useMe() {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
  function can(required: TRole): TPermission {
    const role = me.data?.role;
    // Until we know, allow: the server checks every call anyway, and a flash of disabled buttons misleads.
    if (!role || ORDER.indexOf(role) >= ORDER.indexOf(required)) return { allowed: true, reason: undefined };
    return {
      allowed: false,
      reason: `Needs the ${required} role — you are ${role === "viewer" ? "a" : "an"} ${role}.`,
    };
  }
  return { me: me.data ?? null, can };
}
