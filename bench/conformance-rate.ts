/**
 * Conformance rate: `checkConformance` over N JSON values (default 200,000; `npm run bench --
 * conformance-rate <N>`) against the plain loop anyone would write with ajv (TextDecoder +
 * JSON.parse + validate), on the same values in the same run, both warmed up and alternated.
 * Reports values per second and the ratio (the aim: at least 0.8× the plain loop). Pure CPU: no
 * broker, no database. The schema has no `pattern`: ours runs patterns on RE2 (linear time, for
 * untrusted payloads), which costs more per match than the backtracking engine of the plain loop.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { checkConformance } from "../src/domain/schemas/conformance";
import { compileValueSchema } from "../src/domain/schemas/value-schema";
import { quantile } from "./stats";

const COUNT = Number(process.argv[3] ?? 200_000);
const ROUNDS = 5;

const SCHEMA = {
  type: "object",
  properties: {
    host: { type: "string", minLength: 1 },
    metric: { enum: ["cpu", "memory", "disk", "network"] },
    value: { type: "number", minimum: 0 },
    ts: { type: "integer" },
    tags: { type: "array", items: { type: "string" }, maxItems: 8 },
    region: { type: ["string", "null"] },
  },
  required: ["host", "metric", "value", "ts"],
};

const encoder = new TextEncoder();
const METRICS = ["cpu", "memory", "disk", "network"];
// One value in 20 breaks the schema (a negative reading), as a drifting producer would.
const records = Array.from({ length: COUNT }, (_, index) => ({
  partition: index % 6,
  offset: String(index),
  value: encoder.encode(
    JSON.stringify({
      host: `server-${index % 500}`,
      metric: METRICS[index % 4],
      value: index % 20 === 0 ? -1 : (index % 1000) / 10,
      ts: 1_780_000_000_000 + index,
      tags: ["prod", `rack-${index % 40}`],
      region: index % 3 === 0 ? null : "eu-west",
    }),
  ),
}));

const compiled = compileValueSchema("json", JSON.stringify(SCHEMA));
if (!compiled.ok) throw new Error(compiled.message);
const schema = compiled.schema;

const ajv = new Ajv2020({ strict: false });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);
const decoder = new TextDecoder();

function plainLoop(): { sampled: number; matched: number } {
  let matched = 0;
  for (const record of records) if (validate(JSON.parse(decoder.decode(record.value)))) matched++;
  return { sampled: records.length, matched };
}

function measure(work: () => { sampled: number; matched: number }): { ms: number; matched: number } {
  const started = performance.now();
  const { matched } = work();
  return { ms: performance.now() - started, matched };
}

// Warm-up: both paths compiled and optimized before timing.
plainLoop();
checkConformance(schema, records.slice(0, 20_000));

const ours: number[] = [];
const plain: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const a = measure(() => checkConformance(schema, records));
  const b = measure(plainLoop);
  if (a.matched !== b.matched) throw new Error(`The loops disagree: ${a.matched} vs ${b.matched} matches.`);
  ours.push(a.ms);
  plain.push(b.ms);
}
const rate = (ms: number) => Math.round((COUNT / ms) * 1000).toLocaleString("en");
const oursMs = quantile(ours, 0.5);
const plainMs = quantile(plain, 0.5);
console.log(`conformance-rate: ${COUNT.toLocaleString("en")} JSON values, median of ${ROUNDS} rounds`);
console.log(`  checkConformance: ${oursMs.toFixed(0)} ms (${rate(oursMs)} values/s)`);
console.log(`  plain ajv loop:   ${plainMs.toFixed(0)} ms (${rate(plainMs)} values/s)`);
console.log(`  ratio: ${(plainMs / oursMs).toFixed(2)}× the plain loop's rate (aim ≥ 0.80×)`);
