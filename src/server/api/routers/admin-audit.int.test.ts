import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "~/server/auth/actor";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { pruneAuditLog } from "~/server/services/audit/audit-retention";
import { recordRead } from "~/server/services/audit/audited";
import { createCaller } from "../root";

const prefix = `int-audit-log-${Date.now().toString(36)}`;
const grace: Actor = { id: `${prefix}-grace`, name: "Grace Hopper", role: "admin" };
const ada: Actor = { id: `${prefix}-ada`, name: "Ada Lovelace", role: "operator" };
const linus: Actor = { id: `${prefix}-linus`, name: "Linus Torvalds", role: "viewer" };
const client = { ip: "198.51.100.4", userAgent: "AuditLogTest/1.0" };
const asAdmin = createCaller({ actor: grace, client });
let clusterId = "";

/** Three reads by two people on two topics of this file's cluster, oldest first. */
const seeded = [
  { by: ada, action: "messages.browse", target: `${prefix}-orders` },
  { by: linus, action: "messages.search", target: `${prefix}-orders` },
  { by: ada, action: "messages.tail", target: `${prefix}-payments` },
];

beforeAll(async () => {
  clusterId = (await upsertClusterByName(`${prefix}-cluster`, inject("kafkaBrokers"))).id;
  for (const row of seeded) {
    await recordRead({ by: { actor: row.by, client }, action: row.action, clusterId, target: row.target });
    // Rows a few milliseconds apart, so that time-range filters can tell them apart.
    const written = Date.now();
    while (Date.now() < written + 3) await new Promise((resolve) => setImmediate(resolve));
  }
});

afterAll(async () => {
  await deleteClusterRecord(clusterId);
});

const list = (filter: Record<string, string>, extra: { before?: string; limit?: number } = {}) =>
  asAdmin.admin.audit.list({ filter: { target: prefix, ...filter }, ...extra });

describe("admin.audit", () => {
  it("lists the log newest first with who, what, where, result, address and browser", async () => {
    const page = await list({});
    expect(page.rows.map((row) => [row.actorName, row.action, row.target])).toEqual(
      [...seeded].reverse().map((row) => [row.by.name, row.action, row.target]),
    );
    expect(page.rows[0]).toMatchObject({ clusterId, clusterName: `${prefix}-cluster`, outcome: "ok", ...client });
    expect(page.retentionDays).toBe(90);
  });

  it("filters by actor (id or name), action, cluster, target and time range, and pages", async () => {
    expect((await list({ actor: "ada love" })).rows.map((row) => row.action)).toEqual([
      "messages.tail",
      "messages.browse",
    ]);
    expect((await list({ actor: linus.id })).rows.map((row) => row.action)).toEqual(["messages.search"]);
    expect((await list({ action: "search" })).rows).toHaveLength(1);
    expect((await list({ target: `${prefix}-payments` })).rows.map((row) => row.actorName)).toEqual(["Ada Lovelace"]);
    expect((await list({ clusterId })).rows).toHaveLength(3);
    expect((await asAdmin.admin.audit.list({ filter: { clusterId: "no-such-cluster", target: prefix } })).rows).toEqual(
      [],
    );

    const all = (await list({})).rows;
    const oldest = all.at(-1)!;
    const sinceSecond = await list({ from: new Date(Date.parse(oldest.at) + 1).toISOString() });
    expect(sinceSecond.rows.map((row) => row.id)).not.toContain(oldest.id);
    const untilOldest = await list({ to: new Date(Date.parse(oldest.at) + 1).toISOString() });
    expect(untilOldest.rows.map((row) => row.id)).toContain(oldest.id);

    const first = await list({}, { limit: 2 });
    expect(first.rows).toHaveLength(2);
    const second = await list({}, { limit: 2, before: first.nextBefore! });
    expect(second.rows.map((row) => row.id)).toEqual([oldest.id]);
    expect(second.nextBefore).toBeNull();
  });

  it("is for admins only", async () => {
    const asOperator = createCaller({ actor: ada, client });
    await expect(asOperator.admin.audit.list({ filter: {} })).rejects.toThrow(
      "Needs the admin role — you are an operator.",
    );
    await expect(asOperator.admin.audit.export({ filter: {}, format: "csv" })).rejects.toThrow("admin role");
  });

  it("exports the filtered log as CSV and as JSON lines, and logs the export", async () => {
    const csv = await asAdmin.admin.audit.export({ filter: { target: prefix, actor: "ada" }, format: "csv" });
    const lines = csv.body.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,at,completed_at,actor,actor_name,action,/);
    expect(lines.slice(1).map((line) => line.split(",")[5])).toEqual(["messages.tail", "messages.browse"]);
    expect(lines[1]).toContain(`${ada.id},Ada Lovelace,`);
    expect(csv).toMatchObject({ rowCount: 2, isTruncated: false, contentType: "text/csv; charset=utf-8" });

    const jsonl = await asAdmin.admin.audit.export({ filter: { target: prefix }, format: "jsonl" });
    const rows = jsonl.body
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((row) => row.actorName)).toEqual(["Ada Lovelace", "Linus Torvalds", "Ada Lovelace"]);
    expect(rows[0]).toMatchObject({ ip: client.ip, userAgent: client.userAgent, outcome: "ok" });

    const logged = await asAdmin.admin.audit.list({ filter: { action: "audit.export", actor: grace.id } });
    expect(logged.rows[0]).toMatchObject({
      actorName: "Grace Hopper",
      ip: client.ip,
      details: { format: "jsonl", rows: 3 },
    });
  });

  it("prunes rows older than the retention and keeps younger ones", async () => {
    const before = (await list({})).rows;
    const oldest = before.at(-1)!;
    // The retention window ends just after the oldest seeded row: it goes, the others stay.
    const days = 90;
    const now = Date.parse(oldest.at) + 1 + days * 86_400_000;
    expect(await pruneAuditLog(now, days)).toBeGreaterThanOrEqual(1);
    const after = (await list({})).rows;
    expect(after.map((row) => row.id)).toEqual(before.filter((row) => row.at > oldest.at).map((row) => row.id));
    expect(after).toHaveLength(before.length - 1);
  });
});
