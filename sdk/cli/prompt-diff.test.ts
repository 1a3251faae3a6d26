import { describe, expect, it } from "vitest";

import type { LocalPrompt } from "../../lib/transfer/prompt-file";
import { colourPatch, diffPrompt } from "./prompt-diff";

const remote: Omit<LocalPrompt, "message"> = {
  name: "support/reply",
  type: "text",
  description: "Replies",
  tags: ["support"],
  content: {
    template: "Hello {{name}}.\nHow can I help?\n",
    contract: { variables: [{ name: "name", type: "string", required: true }] },
    modelConfig: { model: "gpt-4o-mini", temperature: 0.2 },
  },
};
const labels = { remoteLabel: "support/reply in production (v3)", localLabel: "prompts/support/reply.prompt.yaml" };

describe("diffPrompt", () => {
  it("finds nothing when only key order differs (as jsonb returns it)", () => {
    const reordered = {
      ...remote,
      content: {
        ...remote.content,
        modelConfig: { temperature: 0.2, model: "gpt-4o-mini" },
        contract: { variables: [{ required: true, type: "string" as const, name: "name" }] },
      },
    };
    expect(diffPrompt({ local: reordered, remote, ...labels })).toEqual({
      name: "support/reply",
      status: "same",
      patch: "",
      contractChanges: [],
    });
  });

  it("shows text, settings and contract changes as one unified diff, with the breaking change marked", () => {
    const local = {
      ...remote,
      content: {
        template: "Hi {{name}}, {{tone}}.\nHow can I help?\n",
        contract: {
          variables: [...remote.content.contract.variables, { name: "tone", type: "string" as const, required: true }],
        },
        modelConfig: { model: "gpt-4o-mini", temperature: 0.7 },
      },
    };
    const d = diffPrompt({ local, remote, ...labels });
    expect(d.status).toBe("changed");
    expect(d.patch).toContain("--- support/reply in production (v3)\n+++ prompts/support/reply.prompt.yaml\n");
    expect(d.patch).toContain("-  Hello {{name}}.\n+  Hi {{name}}, {{tone}}.\n   How can I help?");
    expect(d.patch).toContain("+    - name: tone\n+      type: string\n+      required: true");
    expect(d.patch).toContain("-  temperature: 0.2\n+  temperature: 0.7");
    expect(d.contractChanges).toEqual([expect.objectContaining({ variable: "tone", kind: "added", breaking: true })]);
  });

  it("tells a change of description or tags (not versioned) from a content change, and a new prompt from both", () => {
    expect(diffPrompt({ local: { ...remote, tags: ["support", "billing"] }, remote, ...labels })).toMatchObject({
      status: "details",
      patch: expect.stringContaining("+  - billing"),
      contractChanges: [],
    });
    const created = diffPrompt({ local: remote, remote: null, ...labels });
    expect(created.status).toBe("new");
    expect(created.patch.split("\n").slice(0, 3)).toEqual([
      "--- /dev/null",
      "+++ prompts/support/reply.prompt.yaml",
      "@@ -0,0 +1,16 @@",
    ]);
    expect(created.contractChanges).toEqual([expect.objectContaining({ variable: "name", breaking: false })]);
  });

  it("colours removed lines red, added green, hunks cyan, and leaves context alone", () => {
    const paint = {
      red: (t: string) => `<r>${t}`,
      green: (t: string) => `<g>${t}`,
      cyan: (t: string) => `<c>${t}`,
      bold: (t: string) => `<b>${t}`,
    };
    expect(colourPatch("--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n same", paint).split("\n")).toEqual([
      "<b>--- a",
      "<b>+++ b",
      "<c>@@ -1 +1 @@",
      "<r>-old",
      "<g>+new",
      " same",
    ]);
  });
});
