import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { bin, run } from "./child";

const SOURCES = ["src", "public", "next.config.mjs", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

async function newestMtime(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestMtime(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

/** True when there is no production build or a source file changed after it was made. */
export async function isBuildStale(): Promise<boolean> {
  const built = await stat(".next/BUILD_ID").catch(() => null);
  if (!built) return true;
  const newest = Math.max(...(await Promise.all(SOURCES.map(newestMtime))));
  return newest > built.mtimeMs;
}

/** Builds the app for production when needed (`npm start` after a fresh install or a change). */
export async function buildIfStale(log: (line: string) => void): Promise<void> {
  if (!(await isBuildStale())) return;
  log("Building the web app (first start or sources changed)…");
  const code = await run(bin("next"), ["build"]);
  if (code !== 0) throw new Error("The web app did not build; the errors are printed above.");
}
