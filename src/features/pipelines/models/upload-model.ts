/** Sends an .onnx file to the upload route (multipart), as Tributary's own pages send changes. */
import type { TPipelineModel } from "~/domain/pipelines/pipeline-dto";

export const MODELS_UPLOAD_URL = "/api/pipelines/models";

export type TUploadOutcome = { ok: true; model: TPipelineModel } | { ok: false; message: string; hint: string | null };

export async function uploadModel(file: File, name: string, description = ""): Promise<TUploadOutcome> {
  const form = new FormData();
  form.set("file", file);
  form.set("name", name);
  if (description !== "") form.set("description", description);
  let response: Response;
  try {
    response = await fetch(MODELS_UPLOAD_URL, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      // The server refuses changes without it (request-guard.ts); another site's page cannot add it.
      headers: { "x-tributary-request": "1" },
    });
  } catch {
    return {
      ok: false,
      message: "The Tributary server is not answering.",
      hint: "Check that it is running, then upload again.",
    };
  }
  return readUploadAnswer(response.status, await response.text());
}

/** The route answers `{ model }` or `{ error: { message, hint } }`; the request guard answers plain text. */
export function readUploadAnswer(status: number, body: string): TUploadOutcome {
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    // Plain text: a refusal by the guard (a sentence) or a proxy's page.
  }
  if (status >= 200 && status < 300 && isObject(json) && isObject(json.model)) {
    return { ok: true, model: json.model as TPipelineModel };
  }
  if (isObject(json) && isObject(json.error) && typeof json.error.message === "string") {
    return {
      ok: false,
      message: json.error.message,
      hint: typeof json.error.hint === "string" ? json.error.hint : null,
    };
  }
  const text = body.trim();
  if (text !== "" && text.length < 500 && !text.startsWith("<")) return { ok: false, message: text, hint: null };
  return {
    ok: false,
    message: `The upload failed (HTTP ${status}).`,
    hint: "Try again; if it keeps failing, check the server's log.",
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A model name from its file name: `anomaly.onnx` → `anomaly`. */
export function modelNameFromFile(fileName: string): string {
  return fileName.replace(/\.onnx$/i, "").trim();
}
