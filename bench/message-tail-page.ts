import type { Page } from "@playwright/test";
import { startAppInBrowser } from "./app-in-browser";

/**
 * The tail view in a real browser against the production app, signed in as a viewer: for each
 * sequence number, the moment (epoch ms, read in the page) its row entered the list. Rows are
 * virtualized, so only the top rows exist in the DOM; a flush adds messages in offset order, so
 * when the newest visible row carries sequence n, every message up to n is in the list (the topic
 * has one partition).
 */
export async function openTailPage(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  clusterId: string;
  topic: string;
  cookie: string;
}): Promise<{
  rowTimes: () => Promise<Map<number, number>>;
  close: () => Promise<void>;
}> {
  const app = await startAppInBrowser({ ...options, basePort: 3300 });
  try {
    const page = await (await app.newContext()).newPage();
    await page.goto(
      `${app.baseUrl}/clusters/${options.clusterId}/topics/${encodeURIComponent(options.topic)}?tab=messages&mode=tail`,
    );
    await page
      .getByRole("region", { name: "Live tail" })
      .getByText("Live", { exact: true })
      .waitFor({ timeout: 60_000 });
    await observeRows(page);
    return { rowTimes: () => readTimes(page), close: app.close };
  } catch (error) {
    await app.close();
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

async function readTimes(page: Page): Promise<Map<number, number>> {
  const seen = await page.evaluate(() => (window as unknown as { __rowTimes: Record<number, number> }).__rowTimes);
  return new Map(Object.entries(seen).map(([seq, at]) => [Number(seq), at]));
}
