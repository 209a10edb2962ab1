import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** Someone with an account at the test provider. */
export type TOidcPerson = {
  email: string;
  emailVerified: boolean;
  name: string;
  /** The person presses "deny" at the provider: Tributary gets `error=access_denied` back. */
  denies?: boolean;
};

export type TOidcTestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds a person; the login_hint (their email) or `signInAs` picks who signs in at the provider. */
  addPerson(person: TOidcPerson): void;
  /** Who signs in when the authorization request carries no login_hint (a browser clicking the button). */
  signInAs(email: string): void;
  stop(): Promise<void>;
};

/** The environment that points Tributary at `provider` (read by src/env.ts when it is first imported). */
export function oidcEnvironment(provider: TOidcTestProvider): Record<string, string> {
  return { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret };
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package, certified by the OpenID Foundation)
 * on an ephemeral 127.0.0.1 port, with one confidential client whose redirect URI is
 * `<tributaryOrigin>/api/auth/callback/oidc`. Its login and consent step completes at once for the
 * chosen person: the flow through authorize, token, userinfo and JWKS is the real one.
 */
export async function startOidcTestProvider(
  tributaryOrigin: string,
  options: { port?: number; clientId?: string; clientSecret?: string } = {},
): Promise<TOidcTestProvider> {
  const people = new Map<string, TOidcPerson & { sub: string }>();
  let defaultEmail: string | null = null;

  const server = createServer((req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      finishInteraction(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    void provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = options.clientId ?? `tributary-${randomUUID()}`;
  const clientSecret = options.clientSecret ?? randomUUID();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  // Requests reach `provider` only after it exists: the port (and so the issuer) comes first.
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${tributaryOrigin}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomUUID()] },
    // Explicit lifetimes (seconds) keep the provider from printing a notice for each default it uses.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const person = [...people.values()].find((candidate) => candidate.sub === sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: person.email, email_verified: person.emailVerified, name: person.name }),
      };
    },
  });

  /** The provider's login and consent pages, answered at once for the chosen person. */
  async function finishInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : defaultEmail;
    const person = hint ? people.get(hint.toLowerCase()) : undefined;
    if (!person || person.denies) {
      const result = { error: "access_denied", error_description: "The person declined to sign in." };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId: person.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: person.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    clientId,
    clientSecret,
    addPerson: (person) => people.set(person.email.toLowerCase(), { ...person, sub: randomUUID() }),
    signInAs: (email) => {
      defaultEmail = email;
    },
    stop: () => {
      server.closeAllConnections(); // keep-alive sockets of Tributary's fetches would hold close() open
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
