// Every case of the conformance suite (sdk/conformance) through lib/templates, the module the
// server, the browser and the TypeScript SDK render with. The Python SDK runs the same cases.
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";

import { casesDir, loadConformanceCases, outcomeOf } from "../../sdk/conformance/conformance";
import { renderPrompt } from "./render-prompt";
import { TemplateError } from "./render-template";

const suite = loadConformanceCases();

describe("the template conformance suite", () => {
  it("is written as schema.json describes", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(casesDir, "..", "schema.json"), "utf8")) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const file of fs.readdirSync(casesDir)) {
      const valid = validate(JSON.parse(fs.readFileSync(path.join(casesDir, file), "utf8")));
      expect({ file, errors: valid ? null : validate.errors }).toEqual({ file, errors: null });
    }
  });

  it("has at least 150 cases with unique names", () => {
    const names = suite.flatMap((f) => f.cases.map((c) => c.name));
    expect(names.length).toBeGreaterThanOrEqual(150);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const { file, cases } of suite) {
    describe(file, () => {
      it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
        expect(outcomeOf(c, { renderPrompt, TemplateError })).toEqual(c.expect);
      });
    });
  }
});
