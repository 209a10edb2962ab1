import type { Page } from "@playwright/test";
import { startAppInBrowser } from "./app-in-browser";
import { quantile } from "./stats";

/**
 * Time to first paint of the topic list: from navigation start to the frame that first shows a
 * topic row, read in the page (its clocks count from navigation start), over a few cold page loads
 * of a signed-in viewer.
 */
export async function measureTopicListFirstPaint(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  clusterId: string;
  runs: number;
  cookie: string;
}): Promise<number[]> {
  const app = await startAppInBrowser({ ...options, basePort: 3200 });
  const phases: string[] = [];
  try {
    const url = `${app.baseUrl}/clusters/${options.clusterId}/topics`;
    const samples: number[] = [];
    for (let run = 0; run <= options.runs; run += 1) {
      const context = await app.newContext();
      const page = await context.newPage();
      await page.addInitScript(noteFirstRowPaint);
      await page.goto(url, { waitUntil: "commit" });
      await page.getByTestId("topic-row").first().waitFor();
      const rowFrame = await page
        .waitForFunction(() => (window as TWithFirstRow).__firstRowPaintedAt)
        .then((at) => at.jsonValue() as Promise<number>);
      // The row came with the HTML, so it is painted in the first contentful paint at the earliest.
      const painted = Math.max(rowFrame, await firstContentfulPaint(page));
      if (run > 0) {
        // The first load warms the server's compiled routes.
        samples.push(painted);
        phases.push(await describePhases(page, painted));
      }
      await context.close();
    }
    console.log(`where the time goes (ms from navigation start):\n  ${phases.join("\n  ")}`);
    return samples;
  } finally {
    await app.close();
  }
}

type TWithFirstRow = Window & { __firstRowPaintedAt?: number };

/**
 * Runs in the page before its HTML: notes the first frame after the first topic row entered the
 * document (ms from navigation start), so the figure does not include the test driver's round trips.
 */
function noteFirstRowPaint(): void {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="topic-row"]')) return;
    observer.disconnect();
    requestAnimationFrame((frameStart) => ((window as TWithFirstRow).__firstRowPaintedAt = frameStart));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function firstContentfulPaint(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime);
  return (await handle.jsonValue()) as number;
}

/** The navigation's milestones: the server's answer (first and last byte of the HTML), then the paints. */
async function describePhases(page: Page, painted: number): Promise<string> {
  const timing = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    return {
      firstByte: navigation?.responseStart ?? 0,
      lastByte: navigation?.responseEnd ?? 0,
      contentfulPaint: paint?.startTime ?? 0,
    };
  });
  const ms = (value: number) => value.toFixed(0).padStart(5);
  return `first byte ${ms(timing.firstByte)}, last byte ${ms(timing.lastByte)}, first contentful paint ${ms(timing.contentfulPaint)}, first row ${ms(painted)}`;
}

export function describeFirstPaint(samples: readonly number[]): string {
  return `median ${quantile(samples, 0.5).toFixed(0)} ms, worst ${Math.max(...samples).toFixed(0)} ms (${samples.length} cold page loads)`;
}
