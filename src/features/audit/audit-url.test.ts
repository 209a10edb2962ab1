import { describe, expect, it } from "vitest";
import { auditViewToSearch, instantToLocalInput, localInputToInstant, parseAuditView } from "./audit-url";

describe("the audit page's URL", () => {
  it("round-trips every filter and the page cursor", () => {
    const view = {
      filter: {
        actor: "ada",
        action: "topic.delete",
        clusterId: "c-1",
        target: "orders",
        outcome: "error" as const,
        from: "2026-12-01T00:00:00.000Z",
        to: "2026-12-02T00:00:00.000Z",
      },
      before: "1234",
    };
    expect(parseAuditView(new URLSearchParams(auditViewToSearch(view)))).toEqual(view);
  });

  it("drops a bad time range or cursor instead of failing the page", () => {
    const view = parseAuditView(new URLSearchParams("from=yesterday&before=abc&actor=ada"));
    expect(view).toEqual({ filter: { actor: "ada" }, before: null });
    const reversed = parseAuditView(new URLSearchParams("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"));
    expect(reversed.filter).toEqual({ from: "2026-12-02T00:00:00Z" });
  });

  it("turns the local time of a datetime input into an instant and back", () => {
    const instant = localInputToInstant("2026-12-02T09:30");
    expect(instant).toBe(new Date(2026, 11, 2, 9, 30).toISOString());
    expect(instantToLocalInput(instant)).toBe("2026-12-02T09:30");
    expect(localInputToInstant("")).toBeUndefined();
  });
});
