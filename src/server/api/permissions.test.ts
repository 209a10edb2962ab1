import { describe, expect, it } from "vitest";
import { ROLES } from "~/server/auth/permissions";
import { appRouter } from "./root";

type AnyProcedure = { _def: { meta?: { permission?: unknown }; type: string } };

describe("the API router", () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

  it("has procedures to check", () => {
    expect(procedures.length).toBeGreaterThan(0);
  });

  it.each(procedures)("declares a permission on %s", (_path, procedure) => {
    expect(ROLES).toContain(procedure._def.meta?.permission);
  });
});
