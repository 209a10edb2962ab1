import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { isPortFree } from "../apps/kafka-local/src/ports";
import { bin, stopChild, waitForHttp } from "../scripts/lib/child";
import { buildIfStale } from "../scripts/lib/next-build";
import { quantile } from "./stats";

/**
 * Time to first paint of the topic list: from navigation start to the first topic row on screen,
 * read in the page (performance.now() counts from navigation start), over a few cold page loads.
 */
export async function measureTopicListFirstPaint(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  clusterId: string;
  runs: number;
}): Promise<number[]> {
  await buildIfStale((line) => console.log(line));
  let port = 3200;
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
  try {
    const url = `http://127.0.0.1:${port}/clusters/${options.clusterId}/topics`;
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, server);
    const samples: number[] = [];
    for (let run = 0; run <= options.runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "commit" });
      await page.getByTestId("topic-row").first().waitFor();
      const painted = await page.evaluate(() => performance.now());
      if (run > 0) samples.push(painted); // the first load warms the server's compiled routes
      await context.close();
    }
    return samples;
  } finally {
    await browser.close();
    await stopChild(server);
  }
}

export function describeFirstPaint(samples: readonly number[]): string {
  return `median ${quantile(samples, 0.5).toFixed(0)} ms, worst ${Math.max(...samples).toFixed(0)} ms (${samples.length} cold page loads)`;
}
