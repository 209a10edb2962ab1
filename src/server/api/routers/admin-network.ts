import "server-only";
import { ZAddressRules } from "~/domain/network/address-rules";
import { getAddressRules, setAddressRules } from "~/server/services/network/address-policy-service";
import { procedure, router } from "../trpc";

/** The address policy's allow and deny lists, which every Kafka socket is checked against. Admins only. */
export const adminNetworkRouter = router({
  get: procedure("admin").query(() => getAddressRules()),

  /** Replaces both lists; applies to every new connection at once. Audited. */
  set: procedure("admin")
    .input(ZAddressRules)
    .mutation(({ ctx, input }) => setAddressRules(ctx, input)),
});
