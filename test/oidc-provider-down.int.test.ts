import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcTestProvider, type TOidcTestProvider } from "./oidc-provider";
import { findEphemeralPort } from "../apps/kafka-local/src/ports";

// Tributary's modules are imported only once OIDC_* are set: src/env.ts reads them at import.
type TApp = {
  route: typeof import("~/app/api/auth/[...all]/route");
  testAccounts: typeof import("~/server/auth/test-accounts");
  createContext: typeof import("~/server/api/context").createContext;
};

const ORIGIN = "http://127.0.0.1:3000";
const client = { clientId: `tributary-${randomUUID()}`, clientSecret: randomUUID() };
let port: number;
let app: TApp;
let oidc: TOidcTestProvider | undefined;

beforeAll(async () => {
  // A port nothing listens on (yet): the provider is down when Tributary first needs it.
  port = await findEphemeralPort();
  Object.assign(process.env, {
    OIDC_ISSUER: `http://127.0.0.1:${port}`,
    OIDC_CLIENT_ID: client.clientId,
    OIDC_CLIENT_SECRET: client.clientSecret,
  });
  app = {
    route: await import("~/app/api/auth/[...all]/route"),
    testAccounts: await import("~/server/auth/test-accounts"),
    createContext: (await import("~/server/api/context")).createContext,
  };
});

afterAll(async () => {
  await oidc?.stop();
});

function startSingleSignOn(): Promise<Response> {
  return app.route.POST(
    new Request(`${ORIGIN}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000" },
      body: JSON.stringify({ provider: "oidc", callbackURL: "/", errorCallbackURL: "/sign-in", disableRedirect: true }),
    }),
  );
}

describe("single sign-on while its provider is down", () => {
  it("leaves password sign-in working, refuses to start single sign-on, and starts it once the provider is back", async () => {
    const { cookie, actor } = await app.testAccounts.createSignedInAccount("viewer");
    expect((await app.createContext({ headers: new Headers({ cookie }) })).actor?.id).toBe(actor.id);

    const refused = await startSingleSignOn();
    expect(refused.ok).toBe(false);

    // No restart: the next click asks the provider's discovery document again.
    oidc = await startOidcTestProvider(ORIGIN, { port, ...client });
    const started = await startSingleSignOn();
    expect(started.status).toBe(200);
    const { url } = (await started.json()) as { url: string };
    expect(new URL(url).origin).toBe(oidc.issuer);
    expect(new URL(url).searchParams.get("redirect_uri")).toBe(`${ORIGIN}/api/auth/callback/oidc`);
  });
});
