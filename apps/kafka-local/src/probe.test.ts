import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { takeFrames } from "./kafka-protocol";
import { metadataResponseFrame } from "./metadata-response.fixture";
import { aliveBrokerIds, probeMetadata } from "./probe";

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A fake broker on a free port that hands each connection to `onRequest`. */
async function fakeBroker(onRequest: (socket: Socket, correlationId: number) => void): Promise<number> {
  server = createServer((socket) => {
    let buffered = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const frame = takeFrames(buffered).frames[0];
      if (frame) onRequest(socket, frame.readInt32BE(4));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("no address");
  return address.port;
}

describe("probeMetadata", () => {
  it("reads the broker list even when the response arrives in pieces", async () => {
    const port = await fakeBroker((socket, correlationId) => {
      const frame = metadataResponseFrame({
        correlationId,
        brokers: [
          { nodeId: 3, host: "127.0.0.1", port: 9096, rack: null },
          { nodeId: 1, host: "127.0.0.1", port: 9092, rack: null },
        ],
        clusterId: "c1",
        controllerId: 1,
        topics: [],
      });
      socket.write(frame.subarray(0, 7));
      setImmediate(() => socket.write(frame.subarray(7)));
    });
    await expect(aliveBrokerIds("127.0.0.1", port)).resolves.toEqual([1, 3]);
  });

  it("rejects when the broker hangs up without answering", async () => {
    const port = await fakeBroker((socket) => socket.end());
    await expect(probeMetadata("127.0.0.1", port)).rejects.toThrow(/closed the connection/);
  });

  it("rejects when nothing answers within the timeout", async () => {
    const port = await fakeBroker(() => undefined);
    await expect(probeMetadata("127.0.0.1", port, 100)).rejects.toThrow(/within 100 ms/);
  });

  it("rejects when nothing listens", async () => {
    const port = await fakeBroker(() => undefined);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(probeMetadata("127.0.0.1", port)).rejects.toThrow(/ECONNREFUSED/);
  });
});
