import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { AppError } from "~/lib/app-error";
import { serverAllowedHosts, isHostAllowed } from "~/server/api/allowed-hosts";
import { createContext } from "~/server/api/context";
import { toTRPCError } from "~/server/api/error-formatter";
import { refuseForeignHost, TRIBUTARY_REQUEST_HEADER, withBodyLimit } from "~/server/api/request-guard";
import { sentenceFor } from "~/server/api/route-guard";
import { requireRole } from "~/server/auth/require-role";
import { MAX_MODEL_BYTES, tooLarge, uploadModel } from "~/server/services/pipelines/models-service";

export const dynamic = "force-dynamic";

/** The multipart envelope around the file (boundaries, the name and description fields). */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Uploads an ONNX model: a multipart form with `file` (the .onnx), `name` and optionally
 * `description`; operators only. Answers `{ model }` (201) or `{ error: { message, hint } }` with
 * a 4xx. A plain route because tRPC takes JSON bodies; it makes the checks every mutation gets
 * (Host, same-origin, the x-tributary-request header, the role, an audit row), with a body
 * limit of its own.
 */
export async function POST(request: Request): Promise<Response> {
  const allowed = serverAllowedHosts();
  const foreignHost = refuseForeignHost(request, allowed);
  if (foreignHost) return foreignHost;
  try {
    refuseCrossSiteUpload(request, allowed);
    const { actor, client } = await createContext({ req: request });
    const by = { actor: requireRole(actor, "operator"), client };
    const limited = await withBodyLimit(request, MAX_MODEL_BYTES + FORM_OVERHEAD_BYTES);
    if (limited instanceof Response)
      throw tooLarge(Number(request.headers.get("content-length") ?? MAX_MODEL_BYTES + 1));
    const form = await readForm(limited);
    const file = form.get("file");
    const name = form.get("name");
    const description = form.get("description") ?? "";
    if (!(file instanceof File)) throw new AppError("BAD_INPUT", "Choose the .onnx file of the model to upload.");
    if (typeof name !== "string" || typeof description !== "string") {
      throw new AppError("BAD_INPUT", "Name the model.");
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const model = await uploadModel(by, { name, description, bytes });
    return Response.json({ model }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const sentence = sentenceFor(error, "uploading a model");
    const status = error instanceof AppError ? getHTTPStatusCodeFromError(toTRPCError(error)) : 500;
    return Response.json(
      { error: { message: sentence.message, hint: sentence.hint } },
      { status, headers: { "Cache-Control": "no-store" } },
    );
  }
}

/**
 * The mutation checks of request-guard.ts, for a multipart body: another site's page cannot send
 * the custom header without a CORS preflight, which Tributary never grants.
 */
function refuseCrossSiteUpload(request: Request, allowed: readonly string[]): void {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") {
    throw new AppError("FORBIDDEN", "Tributary refuses uploads that another site's page makes on your behalf.");
  }
  const origin = request.headers.get("origin");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      originHost = null;
    }
    const host = (request.headers.get("host") ?? "").toLowerCase();
    if (originHost === null || !isHostAllowed(originHost, allowed) || originHost !== host) {
      throw new AppError("FORBIDDEN", `Tributary refuses uploads from pages of ${JSON.stringify(origin)}.`);
    }
  }
  if (request.headers.get(TRIBUTARY_REQUEST_HEADER) !== "1") {
    throw new AppError(
      "FORBIDDEN",
      `Tributary refuses uploads without the header ${TRIBUTARY_REQUEST_HEADER}: 1, which its own pages send; scripts must send it too.`,
    );
  }
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("BAD_INPUT", "Send the model as a multipart form (fields file, name and description).");
  }
}

async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new AppError(
      "BAD_INPUT",
      "The upload is not a readable multipart form.",
      "Send the fields file, name and description.",
    );
  }
}
