import { describe, expect, it } from "vitest";

import { formatRelativeTime } from "@/lib/dates/format-relative-time";
import { formatUtcTime } from "@/lib/dates/format-utc-time";
import { formatViewerTime } from "@/lib/dates/format-viewer-time";
import { fromDateTimeLocal } from "@/lib/dates/from-datetime-local";
import { parseMoment } from "@/lib/dates/parse-moment";
import { toDateTimeLocal } from "@/lib/dates/to-datetime-local";

const at = "2026-11-26T05:50:07.123Z";

describe("formatUtcTime", () => {
  it("gives the same text whatever the zone of the process (the server and the hydrating browser agree)", () => {
    expect(formatUtcTime({ value: at })).toBe("2026-11-26 05:50 UTC");
    expect(formatUtcTime({ value: new Date(at), seconds: true })).toBe("2026-11-26 05:50:07 UTC");
    expect(formatUtcTime({ value: at, dateOnly: true })).toBe("2026-11-26");
  });
});

describe("formatViewerTime", () => {
  it("shows the moment in the viewer's zone and names the zone", () => {
    expect(formatViewerTime({ value: at, timeZone: "Pacific/Auckland", locale: "en-US" })).toBe(
      "Nov 26, 2026, 6:50 PM GMT+13",
    );
    expect(formatViewerTime({ value: at, timeZone: "Europe/Berlin", locale: "en-GB", seconds: true })).toBe(
      "26 Nov 2026, 6:50:07 CET",
    );
    // The date can differ from the UTC date.
    expect(
      formatViewerTime({
        value: "2026-11-26T20:00:00Z",
        timeZone: "Pacific/Auckland",
        locale: "en-US",
        dateOnly: true,
      }),
    ).toBe("Nov 27, 2026");
  });
});

describe("formatRelativeTime", () => {
  const now = Date.parse(at);
  it("says how long ago, or how far ahead, in words", () => {
    expect(formatRelativeTime({ value: at, now: now + 10_000, locale: "en" })).toBe("just now");
    expect(formatRelativeTime({ value: at, now: now + 3 * 60_000, locale: "en" })).toBe("3 minutes ago");
    expect(formatRelativeTime({ value: at, now: now + 2 * 3_600_000, locale: "en" })).toBe("2 hours ago");
    expect(formatRelativeTime({ value: at, now: now + 26 * 3_600_000, locale: "en" })).toBe("yesterday");
    expect(formatRelativeTime({ value: at, now: now - 5 * 86_400_000, locale: "en" })).toBe("in 5 days");
    expect(formatRelativeTime({ value: at, now: now + 400 * 86_400_000, locale: "en" })).toBe("last year");
  });
});

describe("datetime-local values", () => {
  it("reads a zone-less value, to the second, in the viewer's zone", () => {
    expect(fromDateTimeLocal({ value: "2026-11-26T18:50:07", timeZone: "Pacific/Auckland" })).toBe(
      "2026-11-26T05:50:07.000Z",
    );
    expect(fromDateTimeLocal({ value: "2026-11-26T18:50", timeZone: "UTC" })).toBe("2026-11-26T18:50:00.000Z");
    // Across a DST change: New York is UTC−4 in July and UTC−5 in November.
    expect(fromDateTimeLocal({ value: "2026-07-01T12:00:00", timeZone: "America/New_York" })).toBe(
      "2026-07-01T16:00:00.000Z",
    );
    expect(fromDateTimeLocal({ value: "2026-11-26T12:00:00", timeZone: "America/New_York" })).toBe(
      "2026-11-26T17:00:00.000Z",
    );
    expect(fromDateTimeLocal({ value: "yesterday", timeZone: "UTC" })).toBeNull();
  });

  it("writes a moment back as the viewer's wall time", () => {
    expect(toDateTimeLocal({ value: at, timeZone: "Pacific/Auckland" })).toBe("2026-11-26T18:50:07");
    expect(toDateTimeLocal({ value: at, timeZone: "America/New_York" })).toBe("2026-11-26T00:50:07");
  });
});

describe("parseMoment", () => {
  it("accepts minutes, seconds and milliseconds, with or without a zone (none means UTC)", () => {
    expect(parseMoment({ value: "2026-11-24T09:00" })?.toISOString()).toBe("2026-11-24T09:00:00.000Z");
    expect(parseMoment({ value: "2026-11-24T09:00:05" })?.toISOString()).toBe("2026-11-24T09:00:05.000Z");
    expect(parseMoment({ value: "2026-11-24T09:00:05.123Z" })?.toISOString()).toBe("2026-11-24T09:00:05.123Z");
    expect(parseMoment({ value: "2026-11-24T22:00:05+13:00" })?.toISOString()).toBe("2026-11-24T09:00:05.000Z");
    for (const value of [undefined, "", "yesterday", "2026-11-24", "2026-13-40T09:00", "2026-11-24T09:00:05.123ZZ"])
      expect(parseMoment({ value })).toBeNull();
  });
});
