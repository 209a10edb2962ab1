// Generates the Prisma client into src/server/db/generated (run by postinstall, start and test).
//
//   node scripts/prisma-generate.mjs            generate unless the client is newer than its inputs
//   node scripts/prisma-generate.mjs <args...>  always run `prisma generate <args...>` (used by the
//                                               schema test to dump Prisma's parse of the schema)
//
// The Prisma CLI insists on a native schema engine, downloaded from binaries.prisma.sh, before any
// command — even `generate`, which never uses it (the client is Rust-free). Where that host is
// unreachable, pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing executable skips the download;
// node itself is one that exists everywhere. A real engine set by the user is left alone.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fromRoot = (...parts) => path.join(root, ...parts);
const prismaCli = fromRoot("node_modules", "prisma", "build", "index.js");
const generatedClient = fromRoot("src", "server", "db", "generated", "client.ts");
// Regenerate when any of these is newer than the generated client.
const inputs = [
  fromRoot("prisma", "schema.prisma"),
  fromRoot("node_modules", "prisma", "package.json"),
  fromRoot("node_modules", "@prisma", "client", "package.json"),
];

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const extraArgs = process.argv.slice(2);

if (extraArgs.length === 0 && existsSync(generatedClient)) {
  const clientTime = mtime(generatedClient);
  if (inputs.every((input) => mtime(input) <= clientTime)) process.exit(0);
}

if (!existsSync(prismaCli)) {
  console.error(
    "Cannot generate the Prisma client because the prisma package is not installed — run `npm install` with dev dependencies.",
  );
  process.exit(1);
}

const result = spawnSync(process.execPath, [prismaCli, "generate", ...extraArgs], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    // No update notices or usage pings: they reach for the network and only add noise here.
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});

if (result.status !== 0) {
  console.error(
    `Generating the Prisma client failed (${result.error?.message ?? `exit code ${result.status ?? result.signal}`}) — fix the error above in prisma/schema.prisma, then run \`node scripts/prisma-generate.mjs\`.`,
  );
  process.exit(1);
}
