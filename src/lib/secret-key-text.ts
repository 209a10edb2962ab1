/**
 * How TRIBUTARY_SECRET_KEY (and the new key given to `npm run secrets -- rotate`) is written: 32
 * random bytes as 64 hex digits or as base64 (base64url too). Shared by src/env.ts and the secret box.
 */
export const SECRET_KEY_FORMAT =
  "expected 32 random bytes as 64 hex digits or 44 base64 characters, e.g. `openssl rand -base64 32`";

const HEX = /^[0-9a-fA-F]{64}$/;
// 32 bytes are 43 base64 characters and one "=" of padding (optional here).
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/;

export function secretKeyEncoding(text: string): "hex" | "base64" | null {
  if (HEX.test(text)) return "hex";
  if (BASE64.test(text)) return "base64";
  return null;
}
