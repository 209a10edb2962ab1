"use client";

import { LogOut, Network, Users } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { useMe } from "./use-me";

/** Who is signed in, with which role; sign-out; the users and network pages for admins. */
export function UserMenu() {
  const { me } = useMe();
  const [isSigningOut, setSigningOut] = useState(false);
  if (!me) return null;

  async function signOut() {
    setSigningOut(true);
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => null);
    window.location.replace("/sign-in");
  }

  return (
    <div className="flex items-center gap-2" aria-label="Signed-in account">
      {me.role === "admin" ? (
        <>
          <Link href="/admin/users" className="hover:bg-surface-raised flex items-center gap-1 rounded-md px-2 py-1.5">
            <Users aria-hidden className="size-4" />
            Users
          </Link>
          <Link
            href="/admin/network"
            className="hover:bg-surface-raised flex items-center gap-1 rounded-md px-2 py-1.5"
          >
            <Network aria-hidden className="size-4" />
            Network
          </Link>
        </>
      ) : null}
      <span data-testid="signed-in-user" className="text-ink">
        {me.name} <span className="text-muted">· {me.role}</span>
      </span>
      <Button variant="ghost" onClick={() => void signOut()} disabled={isSigningOut} title="Sign out">
        <LogOut aria-hidden className="size-4" />
        Sign out
      </Button>
    </div>
  );
}
