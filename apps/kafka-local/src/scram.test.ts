import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addScramArguments, ensureScramUser, scramUserFile } from "./scram";

describe("the local SCRAM user", () => {
  it("gets a random password on first start, kept owner-only and reused afterwards", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "kafka-local-scram-"));
    try {
      const first = await ensureScramUser(dataDir);
      expect(first.username).toBe("tributary");
      expect(first.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect((await stat(scramUserFile(dataDir))).mode & 0o777).toBe(0o600);
      expect(await ensureScramUser(dataDir)).toEqual(first);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("is written into the first metadata for both SCRAM mechanisms", () => {
    expect(addScramArguments({ username: "tributary", password: "secret" })).toEqual([
      "--add-scram",
      "SCRAM-SHA-256=[name=tributary,password=secret]",
      "--add-scram",
      "SCRAM-SHA-512=[name=tributary,password=secret]",
    ]);
  });
});
