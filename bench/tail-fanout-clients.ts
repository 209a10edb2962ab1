/**
 * The load side of `tail-fanout`, in its own process so that its CPU is not counted as the web
 * server's: N SSE clients of the live tail route (counting, not parsing, each event's messages) and
 * the producer. Driven by the benchmark over IPC.
 */
import { get } from "node:http";
import kafkajs from "kafkajs";

export type TLoadCommand =
  | { type: "open"; url: string; count: number }
  | { type: "produce"; brokers: string; topic: string; rate: number; seconds: number }
  | { type: "close"; expected: number };

export type TLoadReply =
  | { type: "opened" }
  | { type: "producing" }
  | { type: "produced" }
  /** `cpuPerSecond`: this process's own CPU while the clients were open, to tell when it was starved. */
  | { type: "closed"; received: number[]; skipped: number[]; cpuPerSecond: number };

type TClient = { stop: AbortController; received: number; skipped: number; isLive: boolean };

let clients: TClient[] = [];
let openedAt = { cpu: process.cpuUsage(), wall: 0 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (reply: TLoadReply) => process.send?.(reply);

/**
 * Counts the messages of one event without parsing it: on this loaded, shared machine a client
 * process that parses 20 streams falls behind, and the server then drops (skips) what it would
 * have sent, which would make fan-out look cheaper than it is. Each message has one "offset" key;
 * the event's head line has none.
 */
function countEvent(data: string, client: TClient): void {
  if (data.includes("event: failure")) {
    console.error(`a tail stream failed: ${data}`);
    process.exit(1);
  }
  client.isLive ||= data.includes('"state":"live"');
  client.skipped += Number(/"skipped":(\d+)/.exec(data)?.[1] ?? 0);
  for (let at = data.indexOf("offset"); at >= 0; at = data.indexOf("offset", at + 6)) client.received += 1;
}

/**
 * A minimal SSE reader on node:http rather than fetch: undici's web streams cost this process
 * several times more CPU, enough on a loaded machine to fall behind and make the server skip.
 */
function readEvents(url: string, client: TClient): void {
  const request = get(url, { headers: { accept: "text/event-stream" }, signal: client.stop.signal }, (response) => {
    if (response.statusCode !== 200) {
      // A refused stream (a limit, a sign-in) would otherwise leave the benchmark waiting for "live".
      console.error(`a tail stream was refused with ${response.statusCode}`);
      process.exit(1);
    }
    response.setEncoding("utf8");
    let pending = "";
    response.on("data", (text: string) => {
      pending += text;
      let end: number;
      while ((end = pending.indexOf("\n\n")) >= 0) {
        const event = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (event.includes("data:")) countEvent(event, client);
      }
    });
    response.on("error", () => undefined);
  });
  request.on("error", () => undefined);
}

async function open(url: string, count: number): Promise<void> {
  clients = Array.from({ length: count }, () => ({
    stop: new AbortController(),
    received: 0,
    skipped: 0,
    isLive: false,
  }));
  for (const client of clients) readEvents(url, client);
  while (!clients.every((client) => client.isLive)) await pause(20);
  openedAt = { cpu: process.cpuUsage(), wall: performance.now() };
}

/** Sends whatever is due every few milliseconds, so the rate holds whatever the ack latency. */
async function produce(brokers: string, topic: string, rate: number, seconds: number): Promise<void> {
  const kafka = new kafkajs.Kafka({ brokers: brokers.split(","), logLevel: kafkajs.logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    send({ type: "producing" });
    const total = rate * seconds;
    const started = performance.now();
    const sends: Promise<unknown>[] = [];
    let next = 0;
    while (next < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1_000) * rate));
      if (due > next) {
        const messages = Array.from({ length: due - next }, (_, index) => {
          const seq = next + index;
          return { key: `sensor-${seq % 50}`, value: JSON.stringify({ seq, pad: "x".repeat(80) }) };
        });
        next = due;
        sends.push(producer.send({ topic, messages }));
      }
      await pause(2);
    }
    await Promise.all(sends);
  } finally {
    await producer.disconnect();
  }
}

async function close(expected: number): Promise<void> {
  const deadline = performance.now() + 15_000;
  while (clients.some((client) => client.received + client.skipped < expected) && performance.now() < deadline) {
    await pause(50);
  }
  const cpu = process.cpuUsage(openedAt.cpu);
  const cpuPerSecond = (cpu.user + cpu.system) / 1e3 / (performance.now() - openedAt.wall);
  for (const client of clients) client.stop.abort();
  send({
    type: "closed",
    received: clients.map((client) => client.received),
    skipped: clients.map((client) => client.skipped),
    cpuPerSecond,
  });
  clients = [];
}

process.on("message", (command: TLoadCommand) => {
  const done =
    command.type === "open"
      ? open(command.url, command.count).then(() => send({ type: "opened" }))
      : command.type === "produce"
        ? produce(command.brokers, command.topic, command.rate, command.seconds).then(() => send({ type: "produced" }))
        : close(command.expected);
  done.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
process.on("disconnect", () => process.exit(0));
