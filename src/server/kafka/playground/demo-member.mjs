// One demo consumer-group member of the playground, run in its own process by demo-member-process.ts.
//
// Why a process: kafkajs always sends LeaveGroup when a consumer disconnects, so the only way to
// leave a group *without* saying goodbye (and make Kafka wait for the session timeout) is to end
// the process that holds the consumer: SIGKILL from the parent. A graceful removal is the "leave"
// message below: consumer.disconnect() sends LeaveGroup, then the process exits.
//
// The cluster's connection settings (and any secret in them) arrive over the IPC channel, never in
// argv or the environment, which `ps` and /proc show to other users. Nothing here logs them. So do
// the admins' address lists: every socket kafkajs opens here is checked against them, as in the server.
//
// Messages from the parent: { type: "start", member, addressPolicy }, { type: "address-policy", rules }
//                           when an admin changes the lists, then, maybe, { type: "leave" }.
// Messages to the parent:   { type: "ready" } once kafkajs is loaded,
//                           { type: "joined", memberId, assignment } after every JoinGroup + SyncGroup,
//                           { type: "generation", generationId } when a heartbeat shows a new one,
//                           { type: "crashed", message } when the consumer gives up, { type: "left" }.
import kafkajs from "kafkajs";
import { addressRefusalSentence, policedSocketFactoryFrom } from "../connection/policed-socket-core.mjs";

const { Kafka, logLevel } = kafkajs;

/** How long a graceful leave may take before the process ends anyway (LeaveGroup is one request). */
const LEAVE_DEADLINE_MS = 5_000;

let consumer = null;
/** The policed socket factory, once the start message brought the address policy. */
let sockets = null;
let isLeaving = false;
let lastGeneration = null;

/** Resolves once the message is handed to the IPC channel, so that an exit right after loses nothing. */
function send(message) {
  // The parent may already be gone (it was killed): nobody is left to tell.
  if (!process.connected) return Promise.resolve();
  return new Promise((resolve) => process.send(message, () => resolve()));
}

async function sendAndExit(message, exitCode) {
  await send(message);
  process.exit(exitCode);
}

function sentenceOf(error) {
  const text =
    addressRefusalSentence(error) ?? (error && typeof error.message === "string" ? error.message : String(error));
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function assignmentOf(memberAssignment) {
  return Object.entries(memberAssignment ?? {})
    .map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

async function start(member, addressPolicy) {
  sockets = policedSocketFactoryFrom(addressPolicy);
  const kafka = new Kafka({ ...member.client, socketFactory: sockets.socketFactory, logLevel: logLevel.NOTHING });
  consumer = kafka.consumer({
    groupId: member.groupId,
    sessionTimeout: member.sessionTimeoutMs,
    rebalanceTimeout: member.rebalanceTimeoutMs,
    heartbeatInterval: member.heartbeatIntervalMs,
    // kafkajs heartbeats (and so hears of a rebalance) only between fetches: keep fetches short.
    maxWaitTimeInMs: member.maxWaitTimeMs,
    retry: { retries: 5 },
  });
  const { GROUP_JOIN, HEARTBEAT, CRASH } = consumer.events;
  consumer.on(GROUP_JOIN, ({ payload }) => {
    void send({ type: "joined", memberId: payload.memberId, assignment: assignmentOf(payload.memberAssignment) });
  });
  // GROUP_JOIN carries no generation; the first heartbeat after a join does.
  consumer.on(HEARTBEAT, ({ payload }) => {
    if (payload.groupGenerationId === lastGeneration) return;
    lastGeneration = payload.groupGenerationId;
    void send({ type: "generation", generationId: payload.groupGenerationId });
  });
  consumer.on(CRASH, ({ payload }) => {
    // kafkajs restarts the consumer itself after retriable errors; only a final crash ends the member.
    if (payload.restart) return;
    void sendAndExit({ type: "crashed", message: sentenceOf(payload.error) }, 1);
  });
  await consumer.connect();
  await consumer.subscribe({ topic: member.topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async () => {
      if (member.processingDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, member.processingDelayMs));
    },
  });
}

async function leave(exitCode) {
  if (isLeaving) return;
  isLeaving = true;
  const deadline = setTimeout(() => process.exit(exitCode), LEAVE_DEADLINE_MS);
  deadline.unref();
  try {
    if (consumer) await consumer.disconnect();
  } finally {
    await sendAndExit({ type: "left" }, exitCode);
  }
}

process.on("message", (message) => {
  if (message?.type === "start") {
    start(message.member, message.addressPolicy).catch((error) =>
      sendAndExit({ type: "crashed", message: sentenceOf(error) }, 1),
    );
  } else if (message?.type === "address-policy") {
    sockets?.replaceRules(message.rules);
  } else if (message?.type === "leave") {
    void leave(0);
  }
});

// The parent went away (it exited or was killed): leave the group and end, never linger as an orphan.
process.on("disconnect", () => void leave(0));

process.on("uncaughtException", (error) => void sendAndExit({ type: "crashed", message: sentenceOf(error) }, 1));

void send({ type: "ready" });
