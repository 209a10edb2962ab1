import { z } from "zod";

/** Roles as the UI offers them (the server's source of truth is src/server/auth/permissions.ts). */
export const ZRole = z.enum(["viewer", "operator", "admin"]);
export type TRole = z.infer<typeof ZRole>;

/** The sentence for an account below the role an action needs: "Needs the admin role — you are an operator." */
export function roleRefusal(required: TRole, actual: TRole): string {
  return `Needs the ${required} role — you are ${actual === "viewer" ? "a" : "an"} ${actual}.`;
}

export const ZAccountName = z.string().trim().min(1, "Enter your name").max(80, "Use at most 80 characters");
export const ZAccountEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like ada@example.com"));
export const ZPassword = z.string().min(10, "Use at least 10 characters").max(256, "Use at most 256 characters");

/** What the setup and invite pages send: the one-time token and the new account's details. */
export const ZRedeemLink = z.object({
  kind: z.enum(["setup", "invite"]),
  token: z.string().min(20).max(200),
  name: ZAccountName,
  /** Setup chooses an email; an invite's email was fixed by the admin and is ignored here. */
  email: ZAccountEmail.optional(),
  password: ZPassword,
});
export type TRedeemLink = z.infer<typeof ZRedeemLink>;

/** One account as the users page lists it. */
export type TAccountDto = {
  id: string;
  name: string;
  email: string;
  role: TRole;
  disabled: boolean;
  createdAt: Date;
};

/** A freshly created invite: the link is shown once to the admin, who passes it on. */
export type TInviteDto = { path: string; email: string; role: TRole; expiresAt: Date };

/** An invite nobody has used yet and that has not expired: its link still works until revoked. */
export type TPendingInviteDto = { id: string; email: string; role: TRole; createdAt: Date; expiresAt: Date };
