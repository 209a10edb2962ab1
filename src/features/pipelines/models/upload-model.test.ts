import { describe, expect, it } from "vitest";
import { modelNameFromFile, readUploadAnswer } from "./upload-model";

describe("readUploadAnswer", () => {
  it("returns the uploaded model", () => {
    const model = { id: "m1", name: "anomaly" };
    expect(readUploadAnswer(201, JSON.stringify({ model }))).toEqual({ ok: true, model });
  });

  it("passes the route's sentence and hint on", () => {
    const body = JSON.stringify({
      error: { message: "That file is not an ONNX model.", hint: "Export it with opset 13." },
    });
    expect(readUploadAnswer(400, body)).toEqual({
      ok: false,
      message: "That file is not an ONNX model.",
      hint: "Export it with opset 13.",
    });
  });

  it("shows the guard's plain-text refusal, and never an HTML page", () => {
    expect(readUploadAnswer(403, "Tributary refuses changes without the header x-tributary-request: 1.\n")).toEqual({
      ok: false,
      message: "Tributary refuses changes without the header x-tributary-request: 1.",
      hint: null,
    });
    expect(readUploadAnswer(502, "<html><body>Bad gateway</body></html>")).toMatchObject({
      ok: false,
      message: "The upload failed (HTTP 502).",
    });
  });
});

describe("modelNameFromFile", () => {
  it("drops the .onnx extension", () => {
    expect(modelNameFromFile("zscore-anomaly.ONNX")).toBe("zscore-anomaly");
  });
});
