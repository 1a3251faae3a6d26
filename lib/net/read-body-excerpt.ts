/** What a delivery log keeps of a response: enough to see what went wrong, never a whole page. */
export const EXCERPT_BYTES = 1024;

/**
 * Reads at most `maxBytes` of a response body and drops the rest unread, so a receiver that
 * answers with megabytes costs neither memory nor database space. Text past the limit ends in "…";
 * a character cut in half at the limit is left out rather than stored broken.
 */
export async function readBodyExcerpt(opts: { response: Response; maxBytes?: number }): Promise<string> {
  const max = opts.maxBytes ?? EXCERPT_BYTES;
  const reader = opts.response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    while (size <= max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    truncated = size > max;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, max);
  const text = new TextDecoder().decode(bytes, { stream: truncated });
  return truncated ? `${text}…` : text;
}
