import type { Metadata } from "next";
import { env } from "~/env";
import { SignInView } from "~/features/accounts/sign-in-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string | string[] }>;
}) {
  const { next, error } = await searchParams;
  // Only the provider's name reaches the browser, never its client id or secret.
  const sso = env.OIDC_ISSUER ? env.OIDC_NAME : null;
  return (
    <SignInView
      // Only paths on this site: `next` comes from the address bar (browsers read "/\\x" as "//x").
      next={next && /^\/(?![/\\])/.test(next) ? next : "/"}
      sso={sso}
      // A failed single sign-on comes back here with `?error=<code>` (better-auth's errorURL).
      ssoError={sso && typeof error === "string" ? error : null}
    />
  );
}
