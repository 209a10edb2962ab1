import { spawn } from "node:child_process";
import { chromium, type Page } from "@playwright/test";
import { isPortFree } from "../apps/kafka-local/src/ports";
import { bin, stopChild, waitForHttp } from "../scripts/lib/child";
import { buildIfStale } from "../scripts/lib/next-build";

/**
 * The tail view in a real browser against the production app: for each sequence number, the
 * moment (epoch ms, read in the page) its row entered the list. Rows are virtualized, so only the
 * top rows exist in the DOM; a flush adds messages in offset order, so when the newest visible
 * row carries sequence n, every message up to n is in the list (the topic has one partition).
 */
export async function openTailPage(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  clusterId: string;
  topic: string;
}): Promise<{
  rowTimes: () => Promise<Map<number, number>>;
  eventTimes: () => Promise<Map<number, number>>;
  close: () => Promise<void>;
}> {
  await buildIfStale((line) => console.log(line));
  let port = 3300;
  while (!(await isPortFree(port))) port += 1;
  const server = spawn(bin("next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      KAFKA_BROKERS: options.kafkaBrokers,
      NEXT_TELEMETRY_DISABLED: "1",
      // The app allows Host headers for the port it is told (ALLOWED_HOSTS default).
      PORT: String(port),
    },
  });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const close = async () => {
    await browser.close();
    await stopChild(server);
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, server);
    const page = await browser.newPage();
    await page.addInitScript(observeEvents);
    await page.goto(
      `http://127.0.0.1:${port}/clusters/${options.clusterId}/topics/${encodeURIComponent(options.topic)}?tab=messages&mode=tail`,
    );
    await page
      .getByRole("region", { name: "Live tail" })
      .getByText("Live", { exact: true })
      .waitFor({ timeout: 60_000 });
    await observeRows(page);
    return { rowTimes: () => readTimes(page, "__rowTimes"), eventTimes: () => readTimes(page, "__eventTimes"), close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function observeRows(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<number, number> = {};
    let newest = -1;
    (window as unknown as { __rowTimes: Record<number, number> }).__rowTimes = seen;
    new MutationObserver(() => {
      const now = performance.timeOrigin + performance.now();
      for (const cell of document.querySelectorAll('[data-testid="message-value"]')) {
        const match = /"seq":\s*(\d+)/.exec(cell.textContent ?? "");
        const seq = match ? Number(match[1]) : -1;
        if (seq <= newest) continue;
        for (let earlier = newest + 1; earlier <= seq; earlier += 1) seen[earlier] = now;
        newest = seq;
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/**
 * When each message's SSE event reached the page (before the view's buffer, flush and render), to
 * tell the network and server part of the latency from the page's own part. Runs before the app.
 */
function observeEvents(): void {
  const seen: Record<number, number> = {};
  (window as unknown as { __eventTimes: Record<number, number> }).__eventTimes = seen;
  const Original = window.EventSource;
  window.EventSource = class extends Original {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      this.addEventListener("message", (event: MessageEvent<string>) => {
        const now = performance.timeOrigin + performance.now();
        // Messages travel as JSON inside the event's JSON, so their quotes may come escaped.
        for (const match of event.data.matchAll(/\\?"value\\?":\{\\?"base64\\?":\\?"([^"\\]+)/g)) {
          const seq = /"seq":(\d+)/.exec(atob(match[1] ?? ""));
          if (seq) seen[Number(seq[1])] = now;
        }
      });
    }
  };
}

async function readTimes(page: Page, name: "__rowTimes" | "__eventTimes"): Promise<Map<number, number>> {
  const seen = await page.evaluate((key) => (window as unknown as Record<string, Record<number, number>>)[key]!, name);
  return new Map(Object.entries(seen).map(([seq, at]) => [Number(seq), at]));
}
