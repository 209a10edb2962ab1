import "server-only";

/**
 * Sending a request kafkajs does not know through a kafkajs broker's own connection (its framing,
 * correlation ids, SASL and TLS): we hand it the body's bytes and a decoder for the answer's.
 *
 * Flexible requests: kafkajs writes request header v1 and reads response header v0, while flexible
 * versions use header v2 / v1, which add one tagged-field section each — so an empty section leads
 * the body we send (`ByteWriter.noTaggedFields()` first) and is skipped first in what we receive.
 */
export type RawProtocolRequest = {
  request: { apiKey: number; apiVersion: number; apiName: string; encode: () => Promise<RawEncoded> };
  response: { decode: (payload: Buffer) => Promise<unknown>; parse: (decoded: unknown) => Promise<unknown> };
};
/** kafkajs's request framing only reads `buf` (checked to be a Buffer) and `buffer` of an Encoder. */
type RawEncoded = { buf: Buffer; buffer: Buffer };

/** A kafkajs Broker as far as raw requests need it: its connection pool and the ApiVersions it answered. */
export type TRawBroker = {
  /** ApiVersions of this broker, keyed by API key; null before it connected. */
  versions: Record<number, { minVersion: number; maxVersion: number }> | null;
  connectionPool: { send(request: RawProtocolRequest): Promise<unknown> };
};

/** Whether the broker answers `apiKey` at `version`. */
export function speaksVersion(broker: Pick<TRawBroker, "versions">, apiKey: number, version: number): boolean {
  const range = broker.versions?.[apiKey];
  return range !== undefined && range.minVersion <= version && range.maxVersion >= version;
}

export async function sendRawRequest<T>(
  broker: Pick<TRawBroker, "connectionPool">,
  request: { apiKey: number; apiVersion: number; apiName: string; body: Buffer; decode: (payload: Buffer) => T },
): Promise<T> {
  const { apiKey, apiVersion, apiName, body, decode } = request;
  const response = await broker.connectionPool.send({
    request: { apiKey, apiVersion, apiName, encode: () => Promise.resolve({ buf: body, buffer: body }) },
    response: { decode: (payload) => Promise.resolve(decode(payload)), parse: (decoded) => Promise.resolve(decoded) },
  });
  return response as T;
}
