import { describe, expect, it } from "vitest";

import type { Contract } from "@/lib/templates/contract";
import { contractWithReferences } from "@/lib/templates/contract-with-references";
import { inlineReferences } from "@/lib/templates/inline-references";
import { renderPrompt } from "@/lib/templates/render-prompt";
import { renderTemplate, TemplateError, type ReferenceResolver } from "@/lib/templates/render-template";

// The demo data (lib/seed/seed-demo.ts): a shared signature with its own default.
const library: Record<string, { template: string; contract: Contract }> = {
  "support/shared/signature": {
    template: "Kind regards,\n{{agent_name}}, Acme Support",
    contract: { variables: [{ name: "agent_name", type: "string", required: false, default: "The Acme team" }] },
  },
  "support/shared/closing": {
    template: "{{> support/shared/signature}} ({{team}})",
    contract: {
      variables: [{ name: "team", type: "enum", values: ["billing", "refunds"], required: true, default: "refunds" }],
    },
  },
};
const resolveReference: ReferenceResolver = (name) => library[name] ?? null;
const reply = {
  messages: [
    { role: "system" as const, content: "Answer about {{policy}}.\nEnd with:\n{{> support/shared/signature}}" },
  ],
  contract: { variables: [{ name: "policy", type: "string" as const, required: true }] },
};

describe("included prompts keep their own contract's defaults", () => {
  it("renders the signature's default where it is included, as rendering the signature alone does", () => {
    const alone = renderTemplate({
      template: library["support/shared/signature"]!.template,
      values: {},
      contract: library["support/shared/signature"]!.contract,
    });
    expect(alone).toBe("Kind regards,\nThe Acme team, Acme Support");
    const rendered = renderPrompt({
      content: reply,
      values: { policy: "refunds" },
      resolveReference,
      promptName: "support/refund-reply",
    });
    expect(rendered.messages[0]!.content).toBe(
      "Answer about refunds.\nEnd with:\nKind regards,\nThe Acme team, Acme Support",
    );
    // The caller's value still wins, and strict mode knows the included variable.
    const named = renderPrompt({
      content: reply,
      values: { policy: "refunds", agent_name: "Ana" },
      strict: true,
      resolveReference,
    });
    expect(named.messages[0]!.content).toMatch(/Kind regards,\nAna, Acme Support$/);
    expect(() => renderPrompt({ content: reply, values: { policy: "x", agent_name: 3 }, resolveReference })).toThrow(
      TemplateError,
    );
  });

  it("follows references through other included prompts, and the including prompt's own declaration wins", () => {
    const text = { template: "{{> support/shared/closing}}", contract: { variables: [] } };
    expect(renderPrompt({ content: text, values: {}, resolveReference }).text).toBe(
      "Kind regards,\nThe Acme team, Acme Support (refunds)",
    );
    const own = {
      template: "{{agent_name}}|{{> support/shared/signature}}",
      contract: { variables: [{ name: "agent_name", type: "string" as const, required: false, default: "Bo" }] },
    };
    expect(renderPrompt({ content: own, values: {}, resolveReference }).text).toBe(
      "Bo|Kind regards,\nBo, Acme Support",
    );
    expect(renderTemplate({ template: own.template, contract: own.contract, values: {}, resolveReference })).toBe(
      "Bo|Kind regards,\nBo, Acme Support",
    );
  });

  it("stops following references at the nesting limit, whatever the resolver answers", () => {
    const endless: ReferenceResolver = (name) => ({
      template: `{{> ${name}x}}`,
      contract: { variables: [{ name: `v${name.length}`, type: "string", required: false, default: "d" }] },
    });
    expect(
      contractWithReferences({ contract: { variables: [] }, templates: ["{{> p}}"], resolveReference: endless })
        .variables,
    ).toHaveLength(10);
  });

  it("carries the defaults into the resolved form, so a renderer without references (the SDK) agrees", () => {
    const resolved = inlineReferences({ template: reply.messages[0]!.content, resolveReference });
    const contract = contractWithReferences({
      contract: reply.contract,
      templates: [reply.messages[0]!.content],
      resolveReference,
    });
    expect(contract.variables.map((v) => [v.name, v.required, v.default])).toEqual([
      ["policy", true, undefined],
      ["agent_name", false, "The Acme team"],
    ]);
    const sdk = renderPrompt({
      content: { messages: [{ role: "system", content: resolved }], contract },
      values: { policy: "refunds" },
    });
    expect(sdk.messages).toEqual(
      renderPrompt({ content: reply, values: { policy: "refunds" }, resolveReference }).messages,
    );
  });
});
