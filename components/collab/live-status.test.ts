import { describe, expect, it } from "vitest";

import { liveStatusText } from "@/components/collab/live-status";
import { refusals } from "@/lib/collab/refusals";

describe("liveStatusText", () => {
  it("says saved only when connected with nothing unacknowledged", () => {
    expect(liveStatusText({ kind: "connected" }, 0, false)).toBe("All changes saved");
    expect(liveStatusText({ kind: "connected" }, 2, false)).toBe("Saving…");
    expect(liveStatusText({ kind: "connecting" }, 0, false)).toBe("Connecting…");
  });

  it("tells an editor offline that their changes wait, and a viewer only that it reconnects", () => {
    expect(liveStatusText({ kind: "offline" }, 3, false)).toMatch(
      /^Offline – your changes will be saved when the connection returns/,
    );
    expect(liveStatusText({ kind: "offline" }, 0, true)).toBe("Offline – reconnecting…");
  });

  it("is read-only once refused, whatever is pending", () => {
    const refused = { kind: "refused", refusal: "archived", message: refusals.archived.message } as const;
    expect(liveStatusText(refused, 1, false)).toBe("Read-only");
    expect(liveStatusText({ kind: "connected" }, 0, true)).toBe("Read-only · live");
  });
});
