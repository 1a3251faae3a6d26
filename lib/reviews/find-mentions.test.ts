import { describe, expect, it } from "vitest";

import { findMentions } from "@/lib/reviews/find-mentions";

const members = [
  { id: "1", email: "ana.lopez@example.com", name: "Ana" },
  { id: "2", email: "bo@example.com", name: "Bo" },
];
const ids = (text: string) => findMentions(text, members).map((m) => m.id);

describe("findMentions", () => {
  it("finds members by handle or full email, once each, ignoring case and trailing punctuation", () => {
    expect(ids("@ana.lopez can you look? cc @BO.")).toEqual(["1", "2"]);
    expect(ids("@bo@example.com and again @bo")).toEqual(["2"]);
  });

  it("ignores emails, unknown handles and code", () => {
    expect(ids("write to ana.lopez@example.com")).toEqual([]);
    expect(ids("@nobody here")).toEqual([]);
    expect(ids("use `@bo` or\n```\n@ana.lopez\n```")).toEqual([]);
  });
});
