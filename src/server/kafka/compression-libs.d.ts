// The pure-JavaScript decompressors used by compression-codecs.ts ship without type declarations.
declare module "lz4js" {
  /** Decompresses an LZ4 frame. */
  export function decompress(source: Uint8Array, maxSize?: number): Uint8Array;
  const lz4: { decompress: typeof decompress };
  export default lz4;
}

declare module "snappyjs" {
  /** Decompresses one raw snappy block. */
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
  const snappy: { uncompress: typeof uncompress };
  export default snappy;
}
