// Evaluates JSONata filters for searches and exports, in a child process started by jsonata-pool.ts.
//
// Why apart from the server: jsonata checks its time budget only between evaluation steps, so one
// step that never ends — a backtracking regular expression, a $pad of fifty million characters —
// would hold the server's event loop for as long as it runs. Here it holds only this process,
// which the pool kills at the deadline and replaces. Why a process and not a worker thread: V8
// aborts the whole process when a thread breaks its heap limit by far in one allocation
// (`$pad("x", 500000000)`); a process with --max-old-space-size dies alone. Regular expressions
// run on RE2 (linear time).
//
// A plain .mjs file started by path (`spawn(process.execPath, [path])`), so that Next's bundler
// leaves it alone and vitest, tsx and the production server run the same file without tsx (see
// DESIGN.md on Turbopack). It sees a record as jsonata-input.ts does: both decode keys and values
// with record-values.mjs.
//
// Messages in (IPC, advanced serialization):
//   { type: "batch", id, source, budget, walksDescendants, buffer, count, from, reportEach } —
//     `count` records encoded by record-batch.ts into one ArrayBuffer, evaluated from index
//     `from`; `reportEach` asks for a report at every record (the pool's second look at a batch
//     that stopped a worker, to name the very record);
//   { type: "cancel", id } — nobody waits for the batch any more: stop at the next look.
// Messages out:
//   { type: "ready" } once RE2 is compiled;
//   { type: "progress", id, index, matched } when a batch starts and then at most every
//     PROGRESS_MS: `index` is the record being started, `matched` the indexes before it that
//     matched since the previous report. The pool's watchdog kills a process that reports nothing
//     for longer than the record budget, and keeps these matches;
//   { type: "done", id, matches: Uint8Array, evaluated, failure } — `failure` is null or
//     { code, message } of the record at index `evaluated`.
import jsonata from "jsonata";
import { RE2 } from "re2-wasm";
import { jsonataBoolean, parsePayloadText } from "../../../domain/jsonata/record-values.mjs";

/** Reports at most this often: cheap (a message per 10 ms), and often enough for a watchdog of 250 ms. */
const PROGRESS_MS = 10;
const send = process.send?.bind(process);
if (!send) throw new Error("jsonata-worker.mjs runs only as a child process with an IPC channel.");
// The server is gone (killed outright): nobody waits for an answer.
process.on("disconnect", () => process.exit(0));
const textDecoder = new TextDecoder("utf-8");

/**
 * jsonata's RegexEngine: RE2 with jsonata's RegExp interface (lastIndex, exec). RE2 needs "u".
 * jsonata constructs one per evaluation of a regex literal; compiling a pattern in WebAssembly
 * costs far more than a match, so each pattern is compiled once per process and reused (jsonata
 * sets lastIndex before every exec, and a process evaluates one record at a time).
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

/** Batches nobody waits for any more; read between records when the loop lets messages in. */
const cancelled = new Set();
/** Lets queued messages (a cancel) in: jsonata's awaits are microtasks and never yield on their own. */
const yieldToMessages = () => new Promise((resolve) => setImmediate(resolve));

async function evaluateBatch(job) {
  // One batch at a time, with rising ids: a cancel still here came too late for an earlier one.
  cancelled.clear();
  const matches = new Uint8Array(job.count);
  let evaluated = 0;
  let failure = null;
  let matched = [];
  let reportedAt = 0;
  const from = job.from ?? 0;
  try {
    const expression = expressionOf(job.source, job.budget);
    const records = decodeRecords(job.buffer, job.count);
    for (evaluated = from; evaluated < records.length; evaluated += 1) {
      const now = Date.now();
      const isDue = now - reportedAt >= PROGRESS_MS;
      if (evaluated === from || isDue || job.reportEach) {
        send({ type: "progress", id: job.id, index: evaluated, matched });
        matched = [];
      }
      if (evaluated === from || isDue) {
        reportedAt = now;
        if (evaluated > from) await yieldToMessages();
        if (cancelled.has(job.id)) break;
      }
      const input = toInput(records[evaluated]);
      if (job.walksDescendants && tooDeep(input, job.budget.maxInputDepth)) {
        failure = { code: "DEPTH", message: "" };
        break;
      }
      try {
        if (jsonataBoolean(await expression.evaluate(input))) {
          matches[evaluated] = 1;
          matched.push(evaluated);
        }
      } catch (error) {
        failure = describe(error);
        break;
      }
    }
  } catch (error) {
    failure = describe(error);
  }
  cancelled.delete(job.id);
  send({ type: "done", id: job.id, matches, evaluated, failure });
}

process.on("message", (message) => {
  if (message.type === "cancel") cancelled.add(message.id);
  else if (message.type === "batch") void evaluateBatch(message);
});

// RE2's WebAssembly compiles on first use, which can take longer than a record's budget: do it now.
new RE2("warm-up", "u").test("warm-up");
send({ type: "ready" });
