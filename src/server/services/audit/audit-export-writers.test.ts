import { describe, expect, it } from "vitest";
import type { TAuditRow } from "~/domain/audit/audit-filter";
import { AUDIT_CSV_HEADER, writeAuditRows } from "./audit-export-writers";

const row: TAuditRow = {
  id: "7",
  at: "2026-12-02T10:00:00.000Z",
  completedAt: "2026-12-02T10:00:01.000Z",
  actor: "u-1",
  actorName: '=HYPERLINK("http://evil")',
  action: "topic.delete",
  clusterId: "c-1",
  clusterName: "prod",
  target: "orders, eu",
  outcome: "error",
  reason: "The topic orders, eu does not exist.",
  ip: "203.0.113.7",
  userAgent: "curl/8",
  details: { from: 1 },
};

describe("audit export files", () => {
  it("writes CSV a spreadsheet cannot run: formulas defused, commas and quotes quoted", () => {
    const [header, line] = writeAuditRows("csv", [row]).split("\r\n");
    expect(`${header}\r\n`).toBe(AUDIT_CSV_HEADER);
    expect(line).toBe(
      '7,2026-12-02T10:00:00.000Z,2026-12-02T10:00:01.000Z,u-1,"\'=HYPERLINK(""http://evil"")",topic.delete,c-1,prod,"orders, eu",error,"The topic orders, eu does not exist.",203.0.113.7,curl/8,"{""from"":1}"',
    );
  });

  it("writes one JSON object per line with every field", () => {
    const lines = writeAuditRows("jsonl", [row, { ...row, id: "6" }])
      .trimEnd()
      .split("\n");
    expect(lines.map((line) => JSON.parse(line) as TAuditRow)).toEqual([row, { ...row, id: "6" }]);
  });
});
