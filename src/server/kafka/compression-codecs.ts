import "server-only";
import { decompress as zstdDecompress } from "fzstd";
import kafkajs from "kafkajs";
import lz4 from "lz4js";
import snappy from "snappyjs";

/**
 * kafkajs decodes gzip only, but Java producers commonly compress with snappy, lz4 or zstd: without
 * these, a browse of such a topic would fail. Decompression only, in pure JavaScript (no native
 * builds); Tributary itself produces uncompressed records, so `compress` is never called.
 */

/** snappy-java's stream framing, which Kafka's Java clients use: a magic header, then length-prefixed blocks. */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;

export function decompressSnappy(buffer: Buffer): Buffer {
  if (buffer.length < XERIAL_HEADER_BYTES || !buffer.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC)) {
    return Buffer.from(snappy.uncompress(buffer));
  }
  const blocks: Buffer[] = [];
  for (let at = XERIAL_HEADER_BYTES; at + 4 <= buffer.length;) {
    const size = buffer.readInt32BE(at);
    at += 4;
    blocks.push(Buffer.from(snappy.uncompress(buffer.subarray(at, at + size))));
    at += size;
  }
  return Buffer.concat(blocks);
}

export function decompressLz4(buffer: Buffer): Buffer {
  return Buffer.from(lz4.decompress(buffer));
}

export function decompressZstd(buffer: Buffer): Buffer {
  return Buffer.from(zstdDecompress(buffer));
}

function decompressOnly(name: string, decompress: (buffer: Buffer) => Buffer) {
  return () => ({
    compress: async (): Promise<Buffer> => {
      throw new Error(`Tributary does not produce ${name}-compressed records.`);
    },
    decompress: async (buffer: Buffer): Promise<Buffer> => decompress(buffer),
  });
}

/** Adds the decoders to kafkajs's codec table (process-wide; calling it twice is harmless). */
export function registerDecompressors(): void {
  const { CompressionCodecs, CompressionTypes } = kafkajs;
  CompressionCodecs[CompressionTypes.Snappy] = decompressOnly("snappy", decompressSnappy);
  CompressionCodecs[CompressionTypes.LZ4] = decompressOnly("lz4", decompressLz4);
  CompressionCodecs[CompressionTypes.ZSTD] = decompressOnly("zstd", decompressZstd);
}
