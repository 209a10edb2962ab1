import type { Metadata } from "next";
import { InviteView } from "~/features/accounts/invite-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join Tributary" };

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return <InviteView token={token ?? null} />;
}
