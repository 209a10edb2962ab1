import { describe, expect, it } from "vitest";
import { idleMembersNote, isDemoClientId, secondsText } from "./demo-members";

describe("demo members", () => {
  it("warns before start that members beyond the partition count sit idle", () => {
    expect(idleMembersNote(3, 4)).toBe("This topic has 3 partitions: with 4 members, one sits idle.");
    expect(idleMembersNote(1, 3)).toBe("This topic has 1 partition: with 3 members, two sit idle.");
    expect(idleMembersNote(3, 3)).toBeNull();
    expect(idleMembersNote(6, 2)).toBeNull();
  });

  it("recognises the playground's members by their client id", () => {
    expect(isDemoClientId("tributary-demo-12")).toBe(true);
    expect(isDemoClientId("billing-service")).toBe(false);
  });

  it("writes session timeouts in seconds", () => {
    expect(secondsText(10_000)).toBe("10 s");
    expect(secondsText(6_500)).toBe("6.5 s");
  });
});
