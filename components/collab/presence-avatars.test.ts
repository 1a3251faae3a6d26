import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { initialsOf, PresenceAvatars, type PresentPerson } from "@/components/collab/presence-avatars";
import { colorFor } from "@/lib/collab/person-color";

const person = (id: string, name: string, idle = false): PresentPerson => ({ id, name, idle });
const html = (people: PresentPerson[], max?: number) =>
  renderToStaticMarkup(h(PresenceAvatars, { people, label: "Editing now", max }));

describe("PresenceAvatars", () => {
  it("renders nothing when nobody is there", () => {
    expect(html([])).toBe("");
  });

  it("shows initials in the person's colour and names them for screen readers", () => {
    const out = html([person("u1", "Ana Lima")]);
    expect(out).toContain('aria-label="Editing now"');
    expect(out).toContain('<span aria-hidden="true">AL</span>');
    expect(out).toContain('<span class="sr-only">Ana Lima</span>');
    expect(out).toContain(`background-color:${colorFor("u1")}`);
  });

  it("dims idle people, says so, and lists active people first", () => {
    const out = html([person("u1", "Ana", true), person("u2", "Ben")]);
    expect(out).toContain('title="Ana (idle)"');
    expect(out).toMatch(/data-idle="true"[^>]*title="Ana \(idle\)"[^>]*opacity-45/);
    expect(out.indexOf("Ben")).toBeLessThan(out.indexOf("Ana"));
  });

  it("counts the people past max in a +N circle that names them", () => {
    const people = ["Ana", "Ben", "Cy", "Dee", "Eve"].map((n, i) => person(`u${i}`, n, n === "Dee"));
    const out = html(people, 2);
    expect(out.match(/data-person=/g)).toHaveLength(2);
    expect(out).toContain("+3");
    expect(out).toContain('title="Cy, Eve, Dee (idle)"');
    expect(out).toContain("and Cy, Eve, Dee (idle)");
  });
});

describe("initialsOf", () => {
  it("takes the first letters of two words, or of an email's local part", () => {
    expect(initialsOf("ana lima souza")).toBe("AL");
    expect(initialsOf("ben.ortiz@example.com")).toBe("BO");
    expect(initialsOf("Émile")).toBe("É");
    expect(initialsOf("  ")).toBe("?");
  });
});
