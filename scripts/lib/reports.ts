import { readFile, rm } from "node:fs/promises";

export type Tally = { passed: number; failed: number; skipped: number };

export const EMPTY: Tally = { passed: 0, failed: 0, skipped: 0 };

export function add(a: Tally, b: Tally): Tally {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch {
    return null;
  }
}

export async function clearReport(file: string): Promise<void> {
  await rm(file, { force: true });
}

/**
 * Counts from Vitest's JSON reporter. A run that crashed before writing a report, or that exited
 * non-zero with no failed test (e.g. a failing global setup), counts as one failure: a broken
 * suite must never read as "0 failed".
 */
export async function vitestTally(file: string, exitCode: number): Promise<Tally> {
  const report = (await readJson(file)) as
    | { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
    | null;
  if (!report) return { ...EMPTY, failed: 1 };
  const tally = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  return exitCode !== 0 && tally.failed === 0 ? { ...tally, failed: 1 } : tally;
}

/** Counts from Playwright's JSON reporter (`expected` passed, `unexpected` failed, `flaky` passed on retry). */
export async function playwrightTally(file: string, exitCode: number): Promise<Tally> {
  const report = (await readJson(file)) as { stats?: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
  if (!report?.stats) return { ...EMPTY, failed: 1 };
  const { expected, unexpected, flaky, skipped } = report.stats;
  const tally = { passed: expected + flaky, failed: unexpected, skipped };
  return exitCode !== 0 && tally.failed === 0 ? { ...tally, failed: 1 } : tally;
}
