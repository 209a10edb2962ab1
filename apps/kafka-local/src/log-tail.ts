import { open } from "node:fs/promises";
import { displayPath } from "./config";

/** The last `count` non-empty lines of a (possibly large) log file, or "" if it cannot be read. */
export async function readLogTail(file: string, count: number, maxBytes = 64 * 1024): Promise<string[]> {
  let handle;
  try {
    handle = await open(file, "r");
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer
      .toString("utf8")
      .split(/\r?\n/)
      .filter((line) => line.trim().length > 0)
      .slice(-count);
  } catch {
    return [];
  } finally {
    await handle?.close();
  }
}

/** "…; last lines of <file>: a | b | c" — for one-sentence start-up failures. */
export async function describeLogTail(file: string, count = 5): Promise<string> {
  const lines = await readLogTail(file, count);
  const shown = displayPath(file);
  return lines.length === 0
    ? `${shown} is empty`
    : `last lines of ${shown}: ${lines.map((line) => line.trim()).join(" | ")}`;
}
