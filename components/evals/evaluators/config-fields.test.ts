import { describe, expect, it } from "vitest";
import { z } from "zod";

import { contains } from "@/lib/evals/kinds/contains";
import { httpEvaluator } from "@/lib/evals/kinds/http";
import { jsonPathEquals } from "@/lib/evals/kinds/json-path-equals";
import { latency } from "@/lib/evals/kinds/latency";
import { llmJudge } from "@/lib/evals/kinds/llm-judge";

import { configFields, fieldLabel, toConfig, toFormValues } from "./config-fields";

// The same JSON Schemas GET …/evaluator-kinds sends.
const schemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;

describe("the evaluator settings form", () => {
  it("names fields for people and picks a control per type", () => {
    expect(fieldLabel("ignoreCase")).toBe("Ignore case");
    expect(fieldLabel("providerId")).toBe("Provider");
    expect(configFields(schemaOf(contains.configSchema)).map((f) => [f.name, f.control])).toEqual([
      ["values", "lines"],
      ["mode", "select"],
      ["ignoreCase", "checkbox"],
    ]);
    const judge = configFields(schemaOf(llmJudge.configSchema));
    expect(judge.find((f) => f.name === "providerId")!.control).toBe("provider");
    expect(judge.find((f) => f.name === "rubric")!.control).toBe("textarea");
    expect(judge.find((f) => f.name === "scaleMax")).toMatchObject({
      control: "number",
      integer: true,
      min: 1,
      max: 100,
    });
    expect(configFields(schemaOf(jsonPathEquals.configSchema)).find((f) => f.name === "value")!.control).toBe("json");
  });

  it("never offers the server's own fields (the HTTP kind's sealed secret)", () => {
    expect(configFields(schemaOf(httpEvaluator.configSchema)).map((f) => f.name)).toEqual(["url", "timeoutMs"]);
  });

  it("starts a new evaluator from the defaults and an edit from the saved config, and round-trips them", () => {
    const schema = schemaOf(contains.configSchema);
    expect(toFormValues(schema, null)).toEqual({ values: "", mode: "any", ignoreCase: "false" });
    const saved = { values: ["refund", "crédit"], mode: "all", ignoreCase: true };
    const form = toFormValues(schema, saved);
    expect(form.values).toBe("refund\ncrédit");
    expect(toConfig(schema, form)).toEqual({ config: saved, problems: {} });
  });

  it("leaves empty fields out and names what it cannot read, as config.<field>", () => {
    const judge = schemaOf(llmJudge.configSchema);
    const { config, problems } = toConfig(judge, {
      ...toFormValues(judge, null),
      providerId: "p1",
      model: "m",
      rubric: "{{output}}",
      passAt: "four",
    });
    expect(problems).toEqual({ "config.passAt": "Enter a number." });
    expect(config).toMatchObject({ providerId: "p1", scaleMin: 1, scaleMax: 5 });
    expect(toConfig(schemaOf(latency.configSchema), { maxMs: "" }).config).toEqual({});
    expect(
      toConfig(schemaOf(jsonPathEquals.configSchema), { path: "$.a", value: "{oops", allowFence: "false" }).problems,
    ).toEqual({
      "config.value": "Enter valid JSON.",
    });
  });
});
