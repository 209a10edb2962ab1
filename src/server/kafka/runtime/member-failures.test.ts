import { describe, expect, it } from "vitest";
import { AppError } from "~/lib/app-error";
import { kafkaProtocolError } from "../kafka-errors";
import { isRebalanceError, kafkaFailureSentence, processorFailureSentence } from "./member-failures";

const cluster = { id: "c", bootstrapServers: "broker-1:9092" };

describe("member failure sentences", () => {
  it("says what the member was doing and why Kafka refused it, in plain sentences", () => {
    const fenced = kafkaProtocolError(47);
    expect(kafkaFailureSentence(fenced, cluster, "Writing the results of partition 0 of orders")).toBe(
      "Writing the results of partition 0 of orders failed. A newer producer with the same transactional id replaced this one. Close this producer; only the newest one may write.",
    );
  });

  it("names the partition when the step itself throws, with the step's own hint", () => {
    const error = new AppError("BAD_INPUT", "The model file is missing", "Upload the model again.");
    expect(processorFailureSentence(error, "orders", 3)).toBe(
      "The step failed on partition 3 of orders. The model file is missing. Upload the model again.",
    );
  });

  it("treats a commit refused by a rebalance as no failure", () => {
    expect(isRebalanceError(kafkaProtocolError(27))).toBe(true); // REBALANCE_IN_PROGRESS
    expect(isRebalanceError(kafkaProtocolError(22))).toBe(true); // ILLEGAL_GENERATION
    expect(isRebalanceError(kafkaProtocolError(47))).toBe(false);
  });
});
