import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable, toUserMessage } from "./error-message";

describe("toUserMessage", () => {
  it("passes the server's sentence and hint through", () => {
    const error = { message: "Kafka is unreachable at 127.0.0.1:9092.", data: { hint: "Check the brokers." } };
    expect(toUserMessage(error)).toEqual({ message: "Kafka is unreachable at 127.0.0.1:9092.", hint: "Check the brokers." });
  });

  it("explains a request that never reached the server", () => {
    expect(toUserMessage(new TypeError("Failed to fetch")).message).toBe("The Tributary server is not answering.");
  });

  it("never shows an empty message", () => {
    expect(toUserMessage(undefined).message).toBe("Something went wrong.");
  });
});

describe("isDatabaseUnreachable", () => {
  it("recognises the server's code for an unreachable PostgreSQL, and nothing else", () => {
    expect(isDatabaseUnreachable({ message: "…", data: { appCode: "DATABASE_UNREACHABLE" } })).toBe(true);
    expect(isDatabaseUnreachable({ message: "…", data: { appCode: "KAFKA_UNREACHABLE" } })).toBe(false);
    expect(isDatabaseUnreachable(new TypeError("Failed to fetch"))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
  });
});
