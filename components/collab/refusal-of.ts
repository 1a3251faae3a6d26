// Which refusal (lib/collab/refusals.ts) a message from the live-editing server names. The server
// names one in three places: the reason of a failed authentication, the reason of a document's
// close message, and (as a code) the WebSocket close code. Browser-safe.
import { refusalFrom, type RefusalKind } from "@/lib/collab/refusals";

// Hocuspocus' own refusals (its Forbidden and Unauthorized close events) in our words.
const hocuspocusReasons: Record<string, RefusalKind> = { Forbidden: "forbidden", Unauthorized: "signed_out" };

/** Our refusal in a close reason or message: the kind, its code, `{"refusal": kind}`, or Hocuspocus' words. */
export function refusalOf(text: string | undefined) {
  if (!text) return null;
  if (Object.hasOwn(hocuspocusReasons, text)) return refusalFrom(hocuspocusReasons[text]);
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && "refusal" in parsed && typeof parsed.refusal === "string") {
      return refusalFrom(parsed.refusal);
    }
    if (typeof parsed === "number") return refusalFrom(parsed);
  } catch {
    // not JSON: the kind itself, or not ours
  }
  return refusalFrom(text);
}
