import type { Metadata } from "next";
import { SignInView } from "~/features/accounts/sign-in-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only paths on this site: `next` comes from the address bar.
  return <SignInView next={next?.startsWith("/") && !next.startsWith("//") ? next : "/"} />;
}
