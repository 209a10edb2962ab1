/**
 * The only links a definition's description may carry: absolute http(s) URLs. Descriptions are
 * written by operators but shown to everyone, so `javascript:`, `data:`, relative paths (which could
 * point at Tributary's own actions) and everything else become plain text.
 */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
