import "server-only";
import { procedure, router } from "../trpc";

export const authRouter = router({
  /** The signed-in account, so the UI can show who is signed in and disable what the role cannot do. */
  me: procedure("viewer").query(({ ctx }) => ({
    id: ctx.actor.id,
    name: ctx.actor.name,
    email: ctx.actor.email ?? null,
    role: ctx.actor.role,
  })),
});
