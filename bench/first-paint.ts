import { startAppInBrowser } from "./app-in-browser";
import { quantile } from "./stats";

/**
 * Time to first paint of the topic list: from navigation start to the first topic row on screen,
 * read in the page (performance.now() counts from navigation start), over a few cold page loads
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
  try {
    const url = `${app.baseUrl}/clusters/${options.clusterId}/topics`;
    const samples: number[] = [];
    for (let run = 0; run <= options.runs; run += 1) {
      const context = await app.newContext();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "commit" });
      await page.getByTestId("topic-row").first().waitFor();
      const painted = await page.evaluate(() => performance.now());
      if (run > 0) samples.push(painted); // the first load warms the server's compiled routes
      await context.close();
    }
    return samples;
  } finally {
    await app.close();
  }
}

export function describeFirstPaint(samples: readonly number[]): string {
  return `median ${quantile(samples, 0.5).toFixed(0)} ms, worst ${Math.max(...samples).toFixed(0)} ms (${samples.length} cold page loads)`;
}
