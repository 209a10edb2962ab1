import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TDmmfDatamodel } from "./dmmf-types";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const dumpGenerator = fileURLToPath(new URL("./dmmf-dump-generator.mjs", import.meta.url));

/**
 * Reads schema.prisma through Prisma's own parser: copies it with one extra generator (which
 * writes the DMMF it is handed to a file) and runs `prisma generate --generator` for that one
 * alone, via scripts/prisma-generate.mjs so it works offline.
 */
export async function readDmmf(schemaPath = path.join(repoRoot, "prisma", "schema.prisma")): Promise<TDmmfDatamodel> {
  const workDir = await mkdtemp(path.join(tmpdir(), "tributary-dmmf-"));
  try {
    const outputFile = path.join(workDir, "dmmf.json");
    const generatorBlock = `
generator dmmfDump {
  provider = ${prismaString(`${quoteForShell(process.execPath)} ${quoteForShell(dumpGenerator)}`)}
  output   = ${prismaString(outputFile)}
}
`;
    const schemaCopy = path.join(workDir, "schema.prisma");
    await writeFile(schemaCopy, (await readFile(schemaPath, "utf8")) + generatorBlock);
    await runNode([
      path.join(repoRoot, "scripts", "prisma-generate.mjs"),
      "--schema",
      schemaCopy,
      "--generator",
      "dmmfDump",
    ]);
    const dmmf = JSON.parse(await readFile(outputFile, "utf8")) as { datamodel: TDmmfDatamodel };
    return dmmf.datamodel;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function runNode(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma generate could not read the schema:\n${output}`)),
    );
  });
}

/** The generator provider is run through a shell. */
function quoteForShell(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function prismaString(value: string): string {
  return JSON.stringify(value);
}
