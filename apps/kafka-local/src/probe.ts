import { connect } from "node:net";
import { decodeMetadataResponse, encodeMetadataRequest, takeFrames, type MetadataResponse } from "./kafka-protocol";

const CLIENT_ID = "tributary-kafka-local-probe";

/**
 * Asks one broker for cluster metadata over a fresh connection.
 * Rejects when the port is closed, the broker hangs up, or nothing arrives within `timeoutMs`.
 */
export function probeMetadata(host: string, port: number, timeoutMs = 2_000): Promise<MetadataResponse> {
  return new Promise((resolve, reject) => {
    const correlationId = 1;
    let buffered = Buffer.alloc(0);
    const socket = connect({ host, port });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(new Error(`No metadata response from ${host}:${port} within ${timeoutMs} ms`)),
    );
    socket.on("error", fail);
    socket.on("connect", () => socket.write(encodeMetadataRequest(correlationId, CLIENT_ID)));
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      try {
        const { frames } = takeFrames(buffered);
        const frame = frames[0];
        if (!frame) return;
        const response = decodeMetadataResponse(frame);
        socket.destroy();
        if (response.correlationId !== correlationId)
          reject(new Error(`Unexpected correlation id ${response.correlationId}`));
        else resolve(response);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
    socket.on("end", () => fail(new Error(`${host}:${port} closed the connection before answering`)));
  });
}

/** Node ids of the brokers a broker reports as alive, ascending. */
export async function aliveBrokerIds(host: string, port: number, timeoutMs?: number): Promise<number[]> {
  const metadata = await probeMetadata(host, port, timeoutMs);
  return metadata.brokers.map((broker) => broker.nodeId).sort((a, b) => a - b);
}
