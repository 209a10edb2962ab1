import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { clusterIdFor, uniqueName, withOutsideAdmin } from "./fixtures";

/**
 * Requests a page on another site (or a script) could make against the real server: each must be
 * refused, and the topic it aims at must survive. Sent with node:http so that every header —
 * Host, Origin, Sec-Fetch-Site — is exactly what an attacker's client would send.
 */
type RawResponse = { status: number; body: string; headers: Record<string, string | string[] | undefined> };

function send(
  baseURL: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? "GET",
        headers: options.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            headers: response.headers,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

async function topicExists(topic: string): Promise<boolean> {
  return withOutsideAdmin(async (admin) => (await admin.listTopics()).includes(topic));
}

let topic = "";
let clusterId = "";
let host = "";

test.beforeAll(async ({ browser, baseURL }) => {
  topic = uniqueName("e2e-hardening");
  host = new URL(baseURL!).host;
  await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic }], waitForLeaders: true }));
  const page = await browser.newPage();
  clusterId = await clusterIdFor(page);
  await page.close();
});

test.afterAll(async () => {
  await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
});

function deleteBody(): string {
  return JSON.stringify({ json: { clusterId, name: topic, confirmation: topic } });
}

test("refuses a topic deletion from curl, from another site, as text/plain and through DNS rebinding", async ({
  baseURL,
}) => {
  const path = "/api/trpc/topics.delete";
  const json = { "content-type": "application/json", host };

  const curl = await send(baseURL!, path, { method: "POST", headers: json, body: deleteBody() });
  expect(curl.status).toBe(403);
  expect(curl.body).toContain("x-tributary-request: 1");

  const crossSite = await send(baseURL!, path, {
    method: "POST",
    headers: { ...json, origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
    body: deleteBody(),
  });
  expect(crossSite.status).toBe(403);

  const textPlain = await send(baseURL!, path, {
    method: "POST",
    headers: {
      host,
      "content-type": "text/plain",
      origin: `http://${host}`,
      "sec-fetch-site": "same-origin",
      "x-tributary-request": "1",
    },
    body: deleteBody(),
  });
  expect(textPlain.status).toBe(415);

  // After rebinding, the attacker's page is "same-origin" with itself: only the Host header tells.
  const rebound = `attacker.example:${new URL(baseURL!).port}`;
  const rebinding = await send(baseURL!, path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      host: rebound,
      origin: `http://${rebound}`,
      "sec-fetch-site": "same-origin",
      "x-tributary-request": "1",
    },
    body: deleteBody(),
  });
  expect(rebinding.status).toBe(421);
  expect(rebinding.body).toContain("ALLOWED_HOSTS");

  expect(await topicExists(topic)).toBe(true);
});

test("refuses reads from another site: a query, a subscription, the live tail and an export", async ({
  baseURL,
  context,
}) => {
  const fromAttacker = { host, origin: "https://attacker.example", "sec-fetch-site": "cross-site" };
  const input = encodeURIComponent(JSON.stringify({ json: { clusterId, topic } }));
  const query = await send(baseURL!, `/api/trpc/topics.list?input=${input}`, { headers: fromAttacker });
  expect(query.status).toBe(403);
  const asStream = { ...fromAttacker, accept: "text/event-stream" };
  const subscription = await send(baseURL!, `/api/trpc/clusters.health?input=${input}`, { headers: asStream });
  expect(subscription.status).toBe(403);
  const tailPath = `/api/clusters/${clusterId}/topics/${encodeURIComponent(topic)}/messages/tail`;
  const tail = await send(baseURL!, tailPath, { headers: asStream });
  expect(tail.status).toBe(403);
  const exportPath = `/api/clusters/${clusterId}/topics/${encodeURIComponent(topic)}/messages/export?format=jsonl`;
  const exported = await send(baseURL!, exportPath, { headers: fromAttacker });
  expect(exported.status).toBe(403);
  // The same download from Tributary's own page, signed in as the spec's admin, is served.
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const sameOrigin = await send(baseURL!, exportPath, { headers: { host, cookie, "sec-fetch-site": "same-origin" } });
  expect(sameOrigin.status).toBe(200);
});

test("refuses a page requested under a foreign host name", async ({ baseURL }) => {
  const page = await send(baseURL!, "/", { headers: { host: `rebound.example:${new URL(baseURL!).port}` } });
  expect(page.status).toBe(421);
});

test("refuses an oversized body and an oversized batch with a sentence", async ({ baseURL }) => {
  const headers = { host, "content-type": "application/json", "x-tributary-request": "1" };
  const huge = Buffer.alloc(2 * 1024 * 1024, 0x20);
  const big = await send(baseURL!, "/api/trpc/topics.delete", { method: "POST", headers, body: huge });
  expect(big.status).toBe(413);
  expect(big.body).toContain("larger than");
  const paths = Array.from({ length: 21 }, () => "clusters.list").join(",");
  const batch = await send(baseURL!, `/api/trpc/${paths}?batch=1&input={}`, { headers: { host } });
  expect(batch.status).toBe(413);
  expect(batch.body).toContain("at most 20 calls");
});

test("a real browser page on another origin cannot delete the topic", async ({ page, baseURL }) => {
  // localhost and 127.0.0.1 are different sites to Chromium: the page below is "another site".
  const other = new URL(baseURL!);
  other.hostname = other.hostname === "localhost" ? "127.0.0.1" : "localhost";
  await page.goto(new URL("/", other).toString());
  const target = new URL("/api/trpc/topics.delete", baseURL).toString();
  await page.evaluate(
    async ([url, body]) => {
      await fetch(url!, { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body }).catch(
        () => undefined,
      );
    },
    [target, deleteBody()],
  );
  expect(await topicExists(topic)).toBe(true);
});
