import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { callerAs, contextAs, signedInAs } from "../../../test/caller-as";
import { createCaller } from "~/server/api/root";
import { createSetupTokenIfNoAdmin, describeLink, redeemLink } from "./account-links";
import { getAuth } from "./auth-instance";
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from "./auth-instance";
import { cookieHeaderFrom, createSignedInAccount } from "./test-accounts";
import { createContext } from "~/server/api/context";
import { listAuditEvents } from "~/server/db/audit";

const admin = callerAs("admin");

async function dumpAccountTables(): Promise<string> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const tables = ["users", "sessions", "auth_accounts", "auth_verifications", "account_links", "server_secrets"];
    const rows = await Promise.all(tables.map((table) => client.query(`SELECT * FROM "${table}"`)));
    return JSON.stringify(rows.map((result) => result.rows));
  } finally {
    await client.end();
  }
}

function signInRequest(email: string, password: string, ip: string): Request {
  return new Request("http://127.0.0.1:3000/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000", "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
  });
}

describe("accounts", () => {
  it("stores no plaintext password: a canary password appears nowhere in the account tables", async () => {
    const canary = `canary-${randomUUID()}`;
    const { cookie } = await createSignedInAccount("viewer", { password: canary });
    const dump = await dumpAccountTables();
    expect(dump).not.toContain(canary);
    // The session row holds the token; the cookie carries it signed, so the dump has the token, never the cookie.
    expect(dump).not.toContain(decodeURIComponent(cookie.split("=")[1]!.split(";")[0]!));
  });

  it("signs in through better-auth's endpoint with HttpOnly, SameSite=Lax cookies", async () => {
    const password = `pw-${randomUUID()}`;
    const { actor } = await createSignedInAccount("viewer", { password });
    const auth = await getAuth(false);
    const response = await auth.handler(signInRequest(actor.email!, password, "203.0.113.7"));
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((line) => line.startsWith("better-auth.session_token="))).toMatch(/HttpOnly/i);
    expect(cookies.find((line) => line.startsWith("better-auth.session_token="))).toMatch(/SameSite=Lax/i);
    const context = await createContext({ headers: new Headers({ cookie: cookieHeaderFrom(response.headers) }) });
    expect(context.actor).toMatchObject({ id: actor.id, role: "viewer" });
  });

  it("answers a burst of failed sign-ins with 429 and a sentence", async () => {
    const auth = await getAuth(false);
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let attempt = 0; attempt <= SIGN_IN_ATTEMPTS_PER_MINUTE; attempt++) {
      last = await auth.handler(signInRequest("nobody@tributary.test", "wrong password", ip));
      statuses.push(last.status);
    }
    expect(statuses.slice(0, SIGN_IN_ATTEMPTS_PER_MINUTE).every((status) => status === 401)).toBe(true);
    expect(last!.status).toBe(429);
    expect((await last!.json()) as { message: string }).toMatchObject({ message: expect.stringMatching(/too many/i) });
  });

  it("makes a disabled account anonymous at once, and lets it back after enabling", async () => {
    const { actor, cookie } = await createSignedInAccount("operator");
    const asIt = () => createCaller(() => createContext({ headers: new Headers({ cookie }) }));
    expect((await asIt().auth.me()).id).toBe(actor.id);
    await admin.admin.users.setDisabled({ userId: actor.id, disabled: true });
    await expect(asIt().auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await admin.admin.users.setDisabled({ userId: actor.id, disabled: false });
    // Disabling ended its sessions: the old cookie stays signed out.
    await expect(asIt().auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("applies a role change to the account's next request", async () => {
    const { actor, cookie } = await createSignedInAccount("viewer");
    const asIt = () => createCaller(() => createContext({ headers: new Headers({ cookie }) }));
    await admin.admin.users.setRole({ userId: actor.id, role: "operator" });
    expect((await asIt().auth.me()).role).toBe("operator");
  });

  it("refuses to demote or disable the last admin, with a sentence", async () => {
    const { actor } = await signedInAs("admin");
    const others = (await admin.admin.users.list()).filter((user) => user.role === "admin" && user.id !== actor.id);
    for (const other of others) await admin.admin.users.setRole({ userId: other.id, role: "viewer" });
    await expect(admin.admin.users.setRole({ userId: actor.id, role: "viewer" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/last admin/),
    });
    await expect(admin.admin.users.setDisabled({ userId: actor.id, disabled: true })).rejects.toMatchObject({
      message: expect.stringMatching(/last admin/),
    });
    for (const other of others) await admin.admin.users.setRole({ userId: other.id, role: "admin" });
  });

  it("an invite link works once, with the role the admin chose", async () => {
    const email = `invitee-${randomUUID()}@tributary.test`;
    const invite = await admin.admin.users.invite({ email, role: "operator" });
    const token = new URL(invite.path, "http://x").searchParams.get("token")!;
    expect(await describeLink("invite", token)).toMatchObject({ role: "operator", email });
    const cookies = await redeemLink(
      { kind: "invite", token, name: "Invitee", password: "a good long password" },
      new Headers(),
      false,
    );
    const context = await createContext({ headers: new Headers({ cookie: cookieHeaderFrom(cookies) }) });
    expect(context.actor).toMatchObject({ name: "Invitee", email, role: "operator" });
    await expect(
      redeemLink({ kind: "invite", token, name: "Again", password: "a good long password" }, new Headers(), false),
    ).rejects.toMatchObject({ message: expect.stringMatching(/was revoked or was already used/) });
  });

  it("lists an unused invite as pending until an admin revokes it, after which its link no longer works", async () => {
    const email = `revoked-${randomUUID()}@tributary.test`;
    const invite = await admin.admin.users.invite({ email, role: "viewer" });
    const token = new URL(invite.path, "http://x").searchParams.get("token")!;
    const pending = (await admin.admin.users.invites()).find((one) => one.email === email);
    expect(pending).toMatchObject({ role: "viewer" });

    await admin.admin.users.revokeInvite({ inviteId: pending!.id });
    expect((await admin.admin.users.invites()).some((one) => one.email === email)).toBe(false);
    expect(await describeLink("invite", token)).toBeNull();
    await expect(
      redeemLink({ kind: "invite", token, name: "Too late", password: "a good long password" }, new Headers(), false),
    ).rejects.toMatchObject({ message: expect.stringMatching(/was revoked or was already used/) });
    await expect(admin.admin.users.revokeInvite({ inviteId: pending!.id })).rejects.toMatchObject({
      message: "This invite was already used, revoked or has expired.",
    });
    const [row] = await listAuditEvents({ action: "user.revoke-invite", take: 1 });
    expect(row).toMatchObject({ target: email, outcome: "ok", actor: (await signedInAs("admin")).actor.id });
  });

  it("makes no setup link while an admin exists", async () => {
    await contextAs("admin");
    expect(await createSetupTokenIfNoAdmin()).toBeNull();
  });
});
