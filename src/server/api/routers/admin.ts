import "server-only";
import { z } from "zod";
import { ZAccountEmail, ZRole } from "~/domain/accounts";
import {
  inviteUser,
  listInvites,
  listUsers,
  revokeInvite,
  setUserDisabled,
  setUserRole,
} from "~/server/services/accounts/users-service";
import { procedure, router } from "../trpc";
import { adminAuditRouter } from "./admin-audit";
import { adminNetworkRouter } from "./admin-network";

const ZUserRef = z.object({ userId: z.string().min(1) });

/** Accounts, the audit log and the network's address policy: admins only. */
export const adminRouter = router({
  audit: adminAuditRouter,
  network: adminNetworkRouter,
  users: router({
    list: procedure("admin").query(() => listUsers()),

    /** A one-time link for one person with one role; shown once to the admin, who passes it on. */
    invite: procedure("admin")
      .input(z.object({ email: ZAccountEmail, role: ZRole }))
      .mutation(({ ctx, input }) => inviteUser(ctx, input.email, input.role)),

    /** Invites whose links still work, so a wrong or forgotten one can be revoked. */
    invites: procedure("admin").query(() => listInvites()),

    revokeInvite: procedure("admin")
      .input(z.object({ inviteId: z.string().uuid() }))
      .mutation(({ ctx, input }) => revokeInvite(ctx, input.inviteId)),

    setRole: procedure("admin")
      .input(ZUserRef.extend({ role: ZRole }))
      .mutation(({ ctx, input }) => setUserRole(ctx, input.userId, input.role)),

    setDisabled: procedure("admin")
      .input(ZUserRef.extend({ disabled: z.boolean() }))
      .mutation(({ ctx, input }) => setUserDisabled(ctx, input.userId, input.disabled)),
  }),
});
