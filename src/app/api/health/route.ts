export const dynamic = "force-dynamic";

/** Answers as soon as the web server is up; `npm start` and the e2e tests wait for it. */
export function GET() {
  return Response.json({ ok: true });
}
