// Evaluates JSONata filters for searches and exports, in a worker thread started by jsonata-pool.ts.
//
// Why a worker: jsonata checks its time budget only between evaluation steps, so one step that
// never ends — a backtracking regular expression, a $pad of fifty million characters — would
// hold the server's event loop for as long as it runs. Here it holds only this thread, which the
// pool terminates at the deadline and replaces. Regular expressions run on RE2 (linear time).
//
// A plain .mjs file started by path, so that Next's bundler leaves it alone and vitest/tsx run the
// same file (see DESIGN.md on Turbopack). It sees a record as jsonata-input.ts does: both decode
// keys and values with record-values.mjs.
//
// Messages in:  { id, source, budget, walksDescendants, buffer, count } — `count` records encoded
//               by record-batch.ts into one transferred ArrayBuffer.
// Messages out: { id, matches: Uint8Array, evaluated, failure } — `failure` is null or
//               { code, message } of the record at index `evaluated`.
// Shared memory (workerData.watch): Float64 [0] the start time (ms) of the record being evaluated
// (0 when idle), Int32 [2] its index, Int32 [3] a cancel flag the pool raises when nobody waits.
import { parentPort, workerData } from "node:worker_threads";
import jsonata from "jsonata";
import { RE2 } from "re2-wasm";
import { jsonataBoolean, parsePayloadText } from "../../../domain/jsonata/record-values.mjs";

const startedAt = new Float64Array(workerData.watch, 0, 1);
const shared = new Int32Array(workerData.watch, 8, 2);
const textDecoder = new TextDecoder("utf-8");

/**
 * jsonata's RegexEngine: RE2 with jsonata's RegExp interface (lastIndex, exec). RE2 needs "u".
 * jsonata constructs one per evaluation of a regex literal; compiling a pattern in WebAssembly
 * costs far more than a match, so each pattern is compiled once per worker and reused (jsonata
 * sets lastIndex before every exec, and a worker evaluates one record at a time).
 */
const patterns = new Map();
function Re2Engine(regex) {
  const flags = regex instanceof RegExp ? regex.flags : "";
  const source = regex instanceof RegExp ? regex.source : String(regex);
  const key = `${flags}/${source}`;
  let re2 = patterns.get(key);
  if (!re2) {
    re2 = new RE2(source, flags.includes("u") ? flags : `${flags}u`);
    if (patterns.size >= 256) patterns.delete(patterns.keys().next().value);
    patterns.set(key, re2);
  }
  return re2;
}

const compiled = new Map();
function expressionOf(source, budget) {
  let expression = compiled.get(source);
  if (!expression) {
    expression = jsonata(source, {
      timeout: budget.timeoutMs,
      stack: budget.maxEvaluationDepth,
      sequence: 1_000_000,
      RegexEngine: Re2Engine,
    });
    // A handful of searches at a time: keep the cache small.
    if (compiled.size >= 16) compiled.delete(compiled.keys().next().value);
    compiled.set(source, expression);
  }
  return expression;
}

function decodeRecords(buffer, count) {
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  let at = 0;
  const readBytes = () => {
    const length = view.getInt32(at);
    at += 4;
    if (length < 0) return null;
    const slice = bytes.subarray(at, at + length);
    at += length;
    return slice;
  };
  const records = [];
  for (let index = 0; index < count; index += 1) {
    const partition = view.getInt32(at);
    const timestamp = view.getFloat64(at + 4);
    at += 12;
    const offset = textDecoder.decode(readBytes());
    const key = readBytes();
    const value = readBytes();
    const headerCount = view.getInt32(at);
    at += 4;
    const headers = [];
    for (let header = 0; header < headerCount; header += 1) {
      headers.push({ key: textDecoder.decode(readBytes()), value: readBytes() });
    }
    records.push({ partition, offset, timestamp, key, value, headers });
  }
  return records;
}

/** The object a filter sees — the same shape as jsonata-input.ts builds on the main thread. */
function toInput(record) {
  const headers = Object.create(null);
  for (const header of record.headers)
    headers[header.key] = header.value === null ? null : textDecoder.decode(header.value);
  return {
    key: decodePayload(record.key),
    value: decodePayload(record.value),
    headers,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
  };
}

function decodePayload(bytes) {
  return bytes === null ? null : parsePayloadText(textDecoder.decode(bytes));
}

/** Iterative, so that input 100,000 levels deep cannot overflow the stack while being measured. */
function tooDeep(input, maxDepth) {
  const stack = [[input, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop();
    if (value === null || typeof value !== "object") continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

function describe(error) {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return { code: "D1011", message: error.message };
  const { code, message } = error ?? {};
  return {
    code: typeof code === "string" ? code : null,
    message: typeof message === "string" ? message : String(error),
  };
}

parentPort.on("message", async (job) => {
  const matches = new Uint8Array(job.count);
  let evaluated = 0;
  let failure = null;
  try {
    const expression = expressionOf(job.source, job.budget);
    const records = decodeRecords(job.buffer, job.count);
    for (; evaluated < records.length; evaluated += 1) {
      if (Atomics.load(shared, 1) !== 0) break;
      Atomics.store(shared, 0, evaluated);
      startedAt[0] = Date.now();
      const input = toInput(records[evaluated]);
      if (job.walksDescendants && tooDeep(input, job.budget.maxInputDepth)) {
        failure = { code: "DEPTH", message: "" };
        break;
      }
      try {
        matches[evaluated] = jsonataBoolean(await expression.evaluate(input)) ? 1 : 0;
      } catch (error) {
        failure = describe(error);
        break;
      }
    }
  } catch (error) {
    failure = describe(error);
  }
  startedAt[0] = 0;
  parentPort.postMessage({ id: job.id, matches, evaluated, failure }, [matches.buffer]);
});

// RE2's WebAssembly compiles on first use, which can take longer than a record's budget: do it now.
new RE2("warm-up", "u").test("warm-up");
parentPort.postMessage({ type: "ready" });
