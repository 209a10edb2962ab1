import net from "node:net";

/**
 * A socket server that speaks just enough Kafka for a client to bootstrap from it: ApiVersions and
 * Metadata v1, whose answer advertises one broker at an address of the test's choosing (leader of
 * the one partition of topic "orders", and controller). Any other request closes the connection.
 * `connections` counts the sockets it accepted, so a test can show that nobody connected to it.
 */

export const FAKE_TOPIC = "orders";

const API_VERSIONS = 18;
const METADATA = 3;
/** The requests this broker answers, with the versions it offers (Metadata v1 only). */
const OFFERED = [
  { apiKey: API_VERSIONS, min: 0, max: 2 },
  { apiKey: METADATA, min: 1, max: 1 },
];
const UNKNOWN_TOPIC_OR_PARTITION = 3;

export type TFakeBroker = {
  host: string;
  port: number;
  /** "host:port", for a bootstrap list. */
  address: string;
  connections: number;
  close(): Promise<void>;
};

export type TAdvertised = { host: string; port: number };

const int16 = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}
function string(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  return Buffer.concat([int16(bytes.length), bytes]);
}
const array = <T>(items: readonly T[], encode: (item: T) => Buffer) =>
  Buffer.concat([int32(items.length), ...items.map(encode)]);

function apiVersionsBody(version: number): Buffer {
  const keys = array(OFFERED, (api) => Buffer.concat([int16(api.apiKey), int16(api.min), int16(api.max)]));
  return Buffer.concat([int16(0), keys, version >= 1 ? int32(0) : Buffer.alloc(0)]);
}

/** The topic names a Metadata v1 request asks for; null means every topic. */
function requestedTopics(body: Buffer): string[] | null {
  const count = body.readInt32BE(0);
  if (count < 0) return null;
  const names: string[] = [];
  let offset = 4;
  for (let index = 0; index < count; index += 1) {
    const length = body.readInt16BE(offset);
    names.push(body.toString("utf8", offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  return names;
}

function metadataBody(advertised: TAdvertised, topics: string[] | null): Buffer {
  const nodeId = 1;
  const brokers = array([advertised], (broker) =>
    Buffer.concat([int32(nodeId), string(broker.host), int32(broker.port), int16(-1)]),
  );
  const partition = Buffer.concat([int16(0), int32(0), int32(nodeId), array([nodeId], int32), array([nodeId], int32)]);
  const topic = (name: string) =>
    name === FAKE_TOPIC
      ? Buffer.concat([int16(0), string(name), Buffer.from([0]), array([partition], (bytes) => bytes)])
      : Buffer.concat([int16(UNKNOWN_TOPIC_OR_PARTITION), string(name), Buffer.from([0]), int32(0)]);
  return Buffer.concat([brokers, int32(nodeId), array(topics ?? [FAKE_TOPIC], topic)]);
}

/** The response to one request frame (without its size prefix), or null for a request it does not answer. */
function respond(frame: Buffer, advertised: TAdvertised): Buffer | null {
  const apiKey = frame.readInt16BE(0);
  const version = frame.readInt16BE(2);
  const correlationId = frame.readInt32BE(4);
  const clientIdLength = frame.readInt16BE(8);
  const body = frame.subarray(10 + Math.max(clientIdLength, 0));
  let payload: Buffer | null = null;
  if (apiKey === API_VERSIONS) payload = apiVersionsBody(version);
  else if (apiKey === METADATA && version === 1) payload = metadataBody(advertised, requestedTopics(body));
  if (!payload) return null;
  const response = Buffer.concat([int32(correlationId), payload]);
  return Buffer.concat([int32(response.length), response]);
}

/** Listens on `host` (any port) and answers as a one-broker cluster whose broker is `advertised`. */
export async function startFakeBroker(host: string, advertised: () => TAdvertised): Promise<TFakeBroker> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    fake.connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffered = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4 && buffered.length - 4 >= buffered.readInt32BE(0)) {
        const size = buffered.readInt32BE(0);
        const answer = respond(buffered.subarray(4, 4 + size), advertised());
        buffered = buffered.subarray(4 + size);
        if (!answer) return void socket.destroy();
        socket.write(answer);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  const fake: TFakeBroker = {
    host,
    port,
    address: `${host}:${port}`,
    connections: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
