import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Tributary's live tail route served from this process over node:http, as `next start` serves a
 * route handler: the request becomes a `Request`, the `Response` body is written to the socket
 * chunk by chunk. Every request carries the given account's cookie, from the app's own origin.
 * Import after DATABASE_URL and KAFKA_BROKERS are set.
 */
export async function serveTailRoute(cookie: string) {
  const { GET } = await import("../src/app/api/clusters/[clusterId]/topics/[topic]/messages/tail/route");
  const { serverAllowedHosts } = await import("../src/server/api/allowed-hosts");
  // Addressed as the browser addresses the app (its allowed Host), whatever port this listens on.
  const host = serverAllowedHosts()[0]!;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${host}`);
    const [, clusterId, topic] = /^\/api\/clusters\/([^/]+)\/topics\/([^/]+)\/messages\/tail$/.exec(url.pathname) ?? [];
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const headers = new Headers({ host, cookie, "sec-fetch-site": "same-origin" });
    if (req.headers["last-event-id"]) headers.set("last-event-id", String(req.headers["last-event-id"]));
    void GET(new Request(url, { headers, signal: abort.signal }), {
      params: Promise.resolve({ clusterId: clusterId ?? "", topic: topic ?? "" }),
    }).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      const reader = response.body?.getReader();
      for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) {
        if (!res.write(next.value)) await once(res, "drain");
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (clusterId: string, topic: string) =>
      `http://127.0.0.1:${port}/api/clusters/${clusterId}/topics/${topic}/messages/tail`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
