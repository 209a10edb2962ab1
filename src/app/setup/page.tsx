import type { Metadata } from "next";
import { SetupView } from "~/features/accounts/setup-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Finish setup" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return <SetupView token={token ?? null} />;
}
