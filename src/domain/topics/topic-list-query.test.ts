import { describe, expect, it } from "vitest";
import type { TTopicSummary } from "./topic-dto";
import { pageTopics, ZTopicListQuery } from "./topic-list-query";

function topic(name: string, overrides: Partial<TTopicSummary> = {}): TTopicSummary {
  return {
    name,
    isInternal: false,
    partitionCount: 1,
    replicationFactor: 1,
    underReplicatedPartitions: 0,
    offlinePartitions: 0,
    messageCount: "0",
    retentionMs: "604800000",
    retentionBytes: "-1",
    cleanupPolicy: "delete",
    ...overrides,
  };
}

const query = (fields: Partial<Record<string, unknown>>) => ZTopicListQuery.parse({ clusterId: "c", ...fields });

describe("pageTopics", () => {
  const topics = [
    topic("orders", { partitionCount: 12, messageCount: "9007199254740993" }),
    topic("telemetry.raw", { partitionCount: 6, messageCount: "500", retentionMs: "-1" }),
    topic("telemetry.clean", { partitionCount: 6, messageCount: "20" }),
  ];

  it("finds topics by any part of the name, ignoring case", () => {
    expect(pageTopics(topics, query({ search: "TELE" })).items.map((t) => t.name)).toEqual(["telemetry.clean", "telemetry.raw"]);
  });

  it("sorts by partitions with ties broken by name", () => {
    const page = pageTopics(topics, query({ sort: "partitions", direction: "desc" }));
    expect(page.items.map((t) => t.name)).toEqual(["orders", "telemetry.clean", "telemetry.raw"]);
  });

  it("compares message counts beyond 2^53 exactly", () => {
    const page = pageTopics([...topics, topic("big", { messageCount: "9007199254740992" })], query({ sort: "messages", direction: "desc" }));
    expect(page.items.slice(0, 2).map((t) => t.name)).toEqual(["orders", "big"]);
  });

  it("treats retention -1 (forever) as the longest", () => {
    expect(pageTopics(topics, query({ sort: "retentionMs", direction: "desc" })).items[0]!.name).toBe("telemetry.raw");
  });

  it("cuts pages and reports the total", () => {
    const many = Array.from({ length: 60 }, (_, index) => topic(`t-${String(index).padStart(2, "0")}`));
    const second = pageTopics(many, query({ page: 2, pageSize: 25 }));
    expect(second.total).toBe(60);
    expect(second.items.map((t) => t.name)[0]).toBe("t-25");
    expect(second.items).toHaveLength(25);
  });
});
