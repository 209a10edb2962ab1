import { describe, expect, it } from "vitest";
import { defaultPlaygroundGroupId, demoClientId } from "~/domain/playground/demo-members";
import {
  foreignMembers,
  foreignMembersSentence,
  playgroundLimitProblem,
  processLimitProblem,
  ZPlaygroundStart,
} from "./playground-rules";

const valid = {
  clusterId: "c1",
  topic: "orders",
  groupId: "tributary-playground-orders",
  memberCount: 4,
  sessionTimeoutMs: 10_000,
  processingDelayMs: 0,
};

describe("playground rules", () => {
  it("names demo members so the group page can tell them apart", () => {
    expect(demoClientId(3)).toBe("tributary-demo-3");
    expect(defaultPlaygroundGroupId("orders")).toBe("tributary-playground-orders");
    expect(defaultPlaygroundGroupId("t".repeat(249))).toHaveLength(255);
  });

  it("accepts the form's defaults", () => {
    expect(ZPlaygroundStart.safeParse(valid).success).toBe(true);
  });

  it("refuses a session timeout below Kafka's 6 s minimum or above 60 s, with a sentence", () => {
    const short = ZPlaygroundStart.safeParse({ ...valid, sessionTimeoutMs: 5_999 });
    expect(short.error?.issues[0]?.message).toBe("The session timeout must be at least 6 s (Kafka's minimum).");
    expect(ZPlaygroundStart.safeParse({ ...valid, sessionTimeoutMs: 60_001 }).success).toBe(false);
  });

  it("refuses more than 10 members, a delay over 1 s, and group names Kafka tools would trip over", () => {
    expect(ZPlaygroundStart.safeParse({ ...valid, memberCount: 11 }).error?.issues[0]?.message).toBe(
      "A playground runs at most 10 members.",
    );
    expect(ZPlaygroundStart.safeParse({ ...valid, processingDelayMs: 1_001 }).success).toBe(false);
    expect(ZPlaygroundStart.safeParse({ ...valid, groupId: "a group" }).success).toBe(false);
    expect(ZPlaygroundStart.safeParse({ ...valid, groupId: "   " }).success).toBe(false);
  });

  it("counts a playground's running members against its limit of 10", () => {
    expect(playgroundLimitProblem(9, 1)).toBeNull();
    expect(playgroundLimitProblem(10, 1)).toBe("A playground runs at most 10 demo members, and this one runs 10.");
  });

  it("counts every demo process of the server against the limit of 30", () => {
    expect(processLimitProblem(26, 4)).toBeNull();
    expect(processLimitProblem(28, 4)).toBe(
      "This server runs 28 demo members already, and at most 30 may run at once.",
    );
  });

  it("finds the members of a group that the playground did not start", () => {
    const members = [{ clientId: "tributary-demo-1" }, { clientId: "billing-service" }, { clientId: "kafka-ui" }];
    expect(foreignMembers(members)).toEqual([{ clientId: "billing-service" }, { clientId: "kafka-ui" }]);
    expect(foreignMembersSentence("orders-app", 3)).toBe(
      "The group orders-app has 3 members that Tributary did not start; pick another name so the playground does not disturb them.",
    );
    expect(foreignMembersSentence("orders-app", 1)).toContain("has 1 member that Tributary did not start");
  });
});
