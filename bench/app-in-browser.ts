import { spawn } from "node:child_process";
import { chromium, type BrowserContext } from "@playwright/test";
import { isPortFree } from "../apps/kafka-local/src/ports";
import { bin, stopChild, waitForHttp } from "../scripts/lib/child";
import { buildIfStale } from "../scripts/lib/next-build";

export type TAppInBrowser = {
  baseUrl: string;
  /** A fresh browser context (cold cache) signed in with the account's cookie. */
  newContext: () => Promise<BrowserContext>;
  close: () => Promise<void>;
};

/**
 * The production build (built when stale) served by `next start` on a free port from `basePort`,
 * and Chromium to open it as a signed-in account: nothing but sign-in is shown without one.
 */
export async function startAppInBrowser(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  basePort: number;
  /** A signed-in account's `Cookie` header (name=value; …), e.g. from `createSignedInAccount`. */
  cookie: string;
}): Promise<TAppInBrowser> {
  await buildIfStale((line) => console.log(line));
  let port = options.basePort;
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
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/api/health`, server);
  } catch (error) {
    await close();
    throw error;
  }
  const cookies = options.cookie.split("; ").map((pair) => {
    const split = pair.indexOf("=");
    return { name: pair.slice(0, split), value: pair.slice(split + 1), url: baseUrl };
  });
  return {
    baseUrl,
    newContext: async () => {
      const context = await browser.newContext();
      await context.addCookies(cookies);
      return context;
    },
    close,
  };
}
