import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { buildUsageExamples } from "@/lib/serving/build-usage-examples";

// sdk/package.test.ts type-checks the TypeScript example against the built SDK and openai.
describe("buildUsageExamples", () => {
  const contract = {
    variables: [
      { name: "customer", type: "string" as const, required: true, example: "Ana's shop" },
      { name: "tone", type: "enum" as const, required: false, default: "warm", values: ["warm", "formal"] },
      { name: "history", type: "messages" as const, required: true },
    ],
  };

  it("fills in the prompt's name, environment and typed variables", () => {
    const { fetch, sdk } = buildUsageExamples({
      origin: "https://galley.acme.internal",
      name: "support/refund-reply",
      environment: "staging",
      contract,
    });
    expect(fetch).toContain('"https://galley.acme.internal/api/prompts/support/refund-reply?environment=staging"');
    expect(sdk).toContain('import { createGalley, type ChatMessage } from "@galley/sdk";');
    expect(sdk).toContain(
      'galley.getPrompt<{ customer: string; tone?: "warm" | "formal"; history: ChatMessage[] }>("support/refund-reply", { environment: "staging" })',
    );
    expect(sdk).toContain(
      '...prompt.toOpenAI({"customer":"Ana\'s shop","tone":"warm","history":[{"role":"user","content":"…"}]})',
    );
    expect(
      buildUsageExamples({ origin: "https://g", name: "a", environment: "production", contract: { variables: [] } })
        .sdk,
    ).toContain('getPrompt<Record<string, never>>("a", { environment: "production" })');
  });

  it("writes a Python example whose values are the same values, as Python literals, and which Python parses", () => {
    const { python } = buildUsageExamples({
      origin: "https://galley.acme.internal",
      name: "support/refund-reply",
      environment: "staging",
      contract: {
        variables: [
          ...contract.variables,
          { name: "vip", type: "boolean" as const, required: false, default: false },
          { name: "order", type: "json" as const, required: false, example: { id: null, paid: true, items: [1.5] } },
        ],
      },
    });
    expect(python).toContain('galley = Galley("https://galley.acme.internal", os.environ["GALLEY_API_KEY"])');
    expect(python).toContain('galley.get_prompt("support/refund-reply", environment="staging")');
    // Python itself reads the snippet, and evaluates the values it passes.
    const checked = execFileSync(
      "/usr/bin/python3",
      [
        "-c",
        [
          "import ast, json, sys",
          "tree = ast.parse(sys.stdin.read())",
          "call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, 'attr', '') == 'openai_params')",
          "print(json.dumps(ast.literal_eval(call.args[0]), ensure_ascii=False))",
        ].join("\n"),
      ],
      { input: python, encoding: "utf8" },
    );
    expect(JSON.parse(checked)).toEqual({
      customer: "Ana's shop",
      tone: "warm",
      history: [{ role: "user", content: "…" }],
      vip: false,
      order: { id: null, paid: true, items: [1.5] },
    });
  });

  it("quotes the render body for the shell, even when an example contains an apostrophe", () => {
    const { render } = buildUsageExamples({
      origin: "https://galley.acme.internal",
      name: "support/refund-reply",
      environment: "production",
      contract,
    });
    // What the shell passes to curl as -d: everything between -d and the URL, parsed by sh itself.
    const body = render.slice(render.indexOf("-d ") + 3, render.lastIndexOf(" \\"));
    const parsed = execFileSync("sh", ["-c", `printf %s ${body}`], { encoding: "utf8" });
    expect(JSON.parse(parsed)).toEqual({
      environment: "production",
      variables: { customer: "Ana's shop", tone: "warm", history: [{ role: "user", content: "…" }] },
    });
  });
});
