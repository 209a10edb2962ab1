import { lstat, mkdir, mkdtemp, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hydrateNativeSymlinks } from "./embedded-binaries";

describe("hydrateNativeSymlinks", () => {
  let packageDir: string;
  beforeEach(async () => {
    packageDir = await mkdtemp(path.join(tmpdir(), "tributary-pg-package-"));
    await mkdir(path.join(packageDir, "native", "lib"), { recursive: true });
    await writeFile(path.join(packageDir, "native", "lib", "libpq.so.5.18"), "");
    await writeFile(
      path.join(packageDir, "native", "pg-symlinks.json"),
      JSON.stringify([
        { source: "native/lib/libpq.so.5.18", target: "native/lib/libpq.so.5" },
        { source: "native/lib/libpq.so.5.18", target: "native/lib/libpq.so" },
      ]),
    );
  });
  afterEach(async () => {
    await rm(packageDir, { recursive: true, force: true });
  });

  it("recreates the library links the skipped postinstall would have made, as relative links", async () => {
    expect(await hydrateNativeSymlinks(packageDir)).toBe(2);
    const link = path.join(packageDir, "native", "lib", "libpq.so.5");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe("libpq.so.5.18");
  });

  it("leaves existing links alone, so a second run does nothing", async () => {
    await hydrateNativeSymlinks(packageDir);
    expect(await hydrateNativeSymlinks(packageDir)).toBe(0);
  });

  it("does nothing for a package without a symlink list", async () => {
    await rm(path.join(packageDir, "native", "pg-symlinks.json"));
    expect(await hydrateNativeSymlinks(packageDir)).toBe(0);
  });
});
