/** better-auth's id for the OpenID Connect provider: its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

/** Where single sign-on sends the browser back when it fails: the sign-in page, with `?error=<code>`. */
export const SSO_ERROR_PAGE = "/sign-in";

/**
 * The sentence the sign-in page shows for the `error` code a failed single sign-on brings back
 * (from better-auth, the provider, or Tributary's own refusals). Only known codes get specific
 * words; the provider's `error_description` is never shown, since anyone can put text in a link.
 */
export function ssoFailure(code: string, providerName: string): string {
  switch (code) {
    case "account_disabled":
      return "This account is disabled. Ask a Tributary admin to enable it.";
    case "email_not_verified":
      return `${providerName} has not verified your email address, so Tributary cannot tell that it is yours. Verify it there and try again, or ask a Tributary admin for an invite.`;
    case "account_not_linked":
      return `An account with your email exists, but ${providerName} has not verified that address, so Tributary did not sign you in to it. Verify it there, or sign in with your password.`;
    case "email_not_found":
      return `${providerName} did not tell Tributary your email address, which it needs to find your account. Ask whoever runs ${providerName} to release the email claim to Tributary.`;
    case "access_denied":
      return `Signing in at ${providerName} was cancelled or refused. Try again, or sign in with your password.`;
    case "state_not_found":
    case "state_mismatch":
    case "state_invalid":
    case "invalid_callback_request":
      return "This sign-in was started in another tab or took too long. Start it again from this page.";
    default:
      return `Tributary could not sign you in with ${providerName}. Try again; if it persists, check the server log.`;
  }
}
