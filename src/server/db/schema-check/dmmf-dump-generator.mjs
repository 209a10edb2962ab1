// A Prisma generator that writes the DMMF (Prisma's own parse of schema.prisma) as JSON to its
// `output` file. read-dmmf.ts adds it to a temporary copy of the schema, so the schema test sees
// exactly what Prisma sees without depending on @prisma/internals.
//
// Protocol (the one @prisma/generator-helper speaks): JSON-RPC requests arrive one per line on
// stdin; responses go one per line to stderr.
import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";

const reply = (id, result) => process.stderr.write(`${JSON.stringify({ jsonrpc: "2.0", id, result })}\n`);
const fail = (id, message) =>
  process.stderr.write(`${JSON.stringify({ jsonrpc: "2.0", id, error: { code: -32000, message, data: null } })}\n`);

createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", (line) => {
  const request = JSON.parse(line);
  if (request.method === "getManifest") {
    reply(request.id, { manifest: { prettyName: "DMMF dump", requiresEngines: [] } });
  } else if (request.method === "generate") {
    try {
      writeFileSync(request.params.generator.output.value, JSON.stringify(request.params.dmmf));
      reply(request.id, null);
    } catch (error) {
      fail(request.id, String(error));
    }
  }
});
