import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oidcEnvironment, startOidcTestProvider, type TOidcTestProvider } from "./oidc-provider";

// Tributary's modules are imported only once the provider runs: src/env.ts reads OIDC_* at import.
type TApp = {
  route: typeof import("~/app/api/auth/[...all]/route");
  proxy: typeof import("~/proxy").proxy;
  NextRequest: typeof import("next/server").NextRequest;
  createContext: typeof import("~/server/api/context").createContext;
  accounts: typeof import("~/server/db/accounts");
  links: typeof import("~/server/auth/account-links");
  testAccounts: typeof import("~/server/auth/test-accounts");
};

const ORIGIN = "http://127.0.0.1:3000";
/** The URL `next start --hostname 127.0.0.1` hands route handlers: not the one the browser used. */
const NEXT_ORIGIN = "http://localhost:3000";
let oidc: TOidcTestProvider;
let app: TApp;

beforeAll(async () => {
  oidc = await startOidcTestProvider(ORIGIN);
  // operator, not the schema's default viewer: a new account's role must come from the setting.
  Object.assign(process.env, oidcEnvironment(oidc), { OIDC_DEFAULT_ROLE: "operator", OIDC_NAME: "Test IdP" });
  app = {
    route: await import("~/app/api/auth/[...all]/route"),
    proxy: (await import("~/proxy")).proxy,
    NextRequest: (await import("next/server")).NextRequest,
    createContext: (await import("~/server/api/context")).createContext,
    accounts: await import("~/server/db/accounts"),
    links: await import("~/server/auth/account-links"),
    testAccounts: await import("~/server/auth/test-accounts"),
  };
});

afterAll(async () => {
  await oidc?.stop();
});

/** A browser's cookies for one site: name → value, as Set-Cookie left them. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value === "" || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  has(pattern: RegExp): boolean {
    return [...this.cookies.keys()].some((name) => pattern.test(name));
  }
}

/**
 * What a browser does after a click on "Sign in with …": asks Tributary for the provider's
 * authorization URL, follows the provider's redirects (authorize, login and consent, authorize
 * again), and comes back to Tributary's callback as a top-level navigation from another site.
 */
async function signInAtProvider(email: string): Promise<{ location: URL; jar: CookieJar; startBody: string }> {
  const tributary = new CookieJar();
  const start = await app.route.POST(
    new Request(`${NEXT_ORIGIN}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000" },
      body: JSON.stringify({
        provider: "oidc",
        callbackURL: "/",
        errorCallbackURL: "/sign-in",
        loginHint: email,
        disableRedirect: true,
      }),
    }),
  );
  expect(start.status).toBe(200);
  tributary.store(start.headers);
  const startBody = await start.text();
  let url = new URL((JSON.parse(startBody) as { url: string }).url);
  expect(url.origin).toBe(oidc.issuer);

  const provider = new CookieJar();
  for (let hop = 0; url.origin === oidc.issuer; hop++) {
    expect(hop, "the provider keeps redirecting to itself").toBeLessThan(10);
    const response = await fetch(url, { redirect: "manual", headers: { cookie: provider.header() } });
    provider.store(response.headers);
    const next = response.headers.get("location");
    if (!next) throw new Error(`The provider answered ${response.status}: ${await response.text()}`);
    url = new URL(next, url);
  }
  expect(url.href.startsWith(`${ORIGIN}/api/auth/callback/oidc?`)).toBe(true);

  const headers = {
    cookie: tributary.header(),
    host: "127.0.0.1:3000",
    "sec-fetch-site": "cross-site",
    "sec-fetch-mode": "navigate",
    "sec-fetch-dest": "document",
  };
  // src/proxy.ts runs first in the real server: it must let the provider's redirect back through.
  const proxied = app.proxy(new app.NextRequest(url, { headers }));
  expect(proxied.headers.get("x-middleware-next")).toBe("1");
  const callback = await app.route.GET(new Request(url.href.replace(ORIGIN, NEXT_ORIGIN), { headers }));
  expect(callback.status).toBe(302);
  tributary.store(callback.headers);
  return { location: new URL(callback.headers.get("location")!, ORIGIN), jar: tributary, startBody };
}

async function actorOf(jar: CookieJar) {
  return (await app.createContext({ headers: new Headers({ cookie: jar.header() }) })).actor;
}

async function accountsWithEmail(email: string) {
  return (await app.accounts.listAccounts()).filter((account) => account.email === email.toLowerCase());
}

function newEmail(): string {
  return `sso-${randomUUID()}@tributary.test`;
}

describe("single sign-on through an OpenID Connect provider", () => {
  it("creates an account with OIDC_DEFAULT_ROLE for a verified email no account has, and signs it in", async () => {
    const email = newEmail();
    oidc.addPerson({ email, emailVerified: true, name: "Ada Operator" });
    const { location, jar, startBody } = await signInAtProvider(email);
    expect(location.pathname).toBe("/");
    expect(await actorOf(jar)).toMatchObject({ email, name: "Ada Operator", role: "operator" });
    expect(await accountsWithEmail(email)).toHaveLength(1);
    expect(startBody).not.toContain(oidc.clientSecret);
  });

  it("signs in to the existing account with that email, linking it instead of making a second one", async () => {
    const { actor } = await app.testAccounts.createSignedInAccount("admin");
    // Providers may spell the address with capitals; it is still the same person.
    oidc.addPerson({ email: actor.email!.toUpperCase(), emailVerified: true, name: "Someone Else" });
    for (const attempt of [1, 2]) {
      const { location, jar } = await signInAtProvider(actor.email!.toUpperCase());
      expect(location.pathname, `sign-in ${attempt}`).toBe("/");
      expect(await actorOf(jar)).toMatchObject({ id: actor.id, role: "admin", name: actor.name });
    }
    expect(await accountsWithEmail(actor.email!)).toHaveLength(1);
  });

  it("gives a pending invite's role to the account it creates, and uses the invite up", async () => {
    const { actor: admin } = await app.testAccounts.createSignedInAccount("admin");
    const email = newEmail();
    const invite = await app.links.createInvite(admin, email, "admin");
    oidc.addPerson({ email, emailVerified: true, name: "Invited Admin" });
    const { jar } = await signInAtProvider(email);
    expect(await actorOf(jar)).toMatchObject({ email, role: "admin" });
    const token = new URL(invite.path, ORIGIN).searchParams.get("token")!;
    expect(await app.links.describeLink("invite", token)).toBeNull();
  });

  it("refuses a disabled account and sends the browser back to the sign-in page with the reason", async () => {
    const { actor } = await app.testAccounts.createSignedInAccount("viewer");
    await app.accounts.updateAccountDisabled(actor.id, true);
    oidc.addPerson({ email: actor.email!, emailVerified: true, name: actor.name });
    const { location, jar } = await signInAtProvider(actor.email!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("error")).toBe("account_disabled");
    expect(jar.has(/session_token$/)).toBe(false);
    expect(await actorOf(jar)).toBeNull();
  });

  it("refuses an email the provider has not verified: no new account, no link to an existing one", async () => {
    const email = newEmail();
    oidc.addPerson({ email, emailVerified: false, name: "Unverified" });
    const fresh = await signInAtProvider(email);
    expect(fresh.location.searchParams.get("error")).toBe("email_not_verified");
    expect(await accountsWithEmail(email)).toHaveLength(0);

    const { actor } = await app.testAccounts.createSignedInAccount("admin");
    oidc.addPerson({ email: actor.email!, emailVerified: false, name: "Impostor" });
    const existing = await signInAtProvider(actor.email!);
    expect(existing.location.searchParams.get("error")).toBe("account_not_linked");
    expect(await actorOf(existing.jar)).toBeNull();
  });

  it("brings a refusal at the provider back to the sign-in page as its code", async () => {
    const email = newEmail();
    oidc.addPerson({ email, emailVerified: true, name: "Declines", denies: true });
    const { location, jar } = await signInAtProvider(email);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(await actorOf(jar)).toBeNull();
  });
});
