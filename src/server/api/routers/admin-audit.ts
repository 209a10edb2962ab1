import "server-only";
import { z } from "zod";
import { AUDIT_EXPORT_FORMATS, ZAuditFilter, ZAuditListInput } from "~/domain/audit/audit-filter";
import { exportAuditLog, listAuditLog } from "~/server/services/audit/audit-log-service";
import { procedure, router } from "../trpc";

/** The audit log: who changed or read what, where, from which address, and how it ended. Admins only. */
export const adminAuditRouter = router({
  /** A page of rows, newest first, filtered by actor, action, cluster, target, outcome and time. */
  list: procedure("admin")
    .input(ZAuditListInput)
    .query(({ input }) => listAuditLog(input)),

  /** The filtered log as a CSV or JSON-lines file (at most AUDIT_EXPORT_MAX_ROWS, newest first). */
  export: procedure("admin")
    .input(z.object({ filter: ZAuditFilter.default({}), format: z.enum(AUDIT_EXPORT_FORMATS) }))
    .mutation(({ ctx, input }) => exportAuditLog(ctx, input.filter, input.format)),
});
