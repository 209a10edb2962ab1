import { describe, expect, it } from "vitest";
import { parseBootstrapServers } from "./cluster";

describe("parseBootstrapServers", () => {
  it("splits a comma-separated list and drops blanks and spaces", () => {
    expect(parseBootstrapServers(" a:9092, b:9094 ,,c:9096")).toEqual(["a:9092", "b:9094", "c:9096"]);
  });
});
