import { describe, expect, it } from "vitest";
import { parseShare, parseSimulatorArgs } from "./simulator-args";

describe("npm run simulator's command line", () => {
  it("starts the demo streams with no options", () => {
    expect(parseSimulatorArgs([])).toEqual({
      ok: true,
      args: {
        rate: 50,
        servers: 4,
        topic: "telemetry.raw",
        anomalyShare: 1 / 500,
        malformedShare: 1 / 200,
        brokers: null,
        seed: null,
      },
    });
  });

  it("reads every option, with a space or an equals sign", () => {
    const parsed = parseSimulatorArgs([
      "--rate",
      "500",
      "--servers=10",
      "--topic",
      "sensors.raw",
      "--anomalies",
      "1/100",
      "--malformed=0",
      "--brokers",
      "kafka-1:9092,kafka-2:9092",
      "--seed",
      "42",
    ]);
    expect(parsed).toEqual({
      ok: true,
      args: {
        rate: 500,
        servers: 10,
        topic: "sensors.raw",
        anomalyShare: 0.01,
        malformedShare: 0,
        brokers: "kafka-1:9092,kafka-2:9092",
        seed: 42,
      },
    });
  });

  it("says what is wrong with an option instead of starting", () => {
    expect(parseSimulatorArgs(["--rate", "fast"])).toEqual({
      ok: false,
      message: "--rate takes readings per second from 0 to 100000 (got fast).",
    });
    expect(parseSimulatorArgs(["--rate"])).toEqual({ ok: false, message: "--rate needs a value." });
    expect(parseSimulatorArgs(["--speed", "3"])).toEqual({
      ok: false,
      message: "There is no option --speed; see --help.",
    });
    expect(parseSimulatorArgs(["--brokers", "localhost"])).toMatchObject({ ok: false });
    expect(parseSimulatorArgs(["--anomalies", "0.7", "--malformed", "0.5"])).toEqual({
      ok: false,
      message: "--anomalies and --malformed add up to more than every record.",
    });
    expect(parseSimulatorArgs(["--help"])).toEqual({ ok: "help" });
  });

  it("reads a share as a fraction or a decimal between 0 and 1", () => {
    expect(parseShare("1/500")).toBe(0.002);
    expect(parseShare("0.25")).toBe(0.25);
    expect(parseShare("0")).toBe(0);
    expect(parseShare("2")).toBeNull();
    expect(parseShare("1/0")).toBeNull();
    expect(parseShare("")).toBeNull();
    expect(parseShare("half")).toBeNull();
  });
});
