// npm run bench:render – renders a template with 100 variables and 3 nested references, and prints
// the median time per render (target from the registry issue: ≤ 0.2 ms on the reference machine).
import type { Contract } from "@/lib/templates/contract";
import { parseTemplate } from "@/lib/templates/parse-template";
import { renderTemplate, type ReferenceResolver } from "@/lib/templates/render-template";

const names = Array.from({ length: 100 }, (_, i) => `var_${i}`);
const body = names.map((n, i) => `Line ${i}: {{${n}}}${i % 10 === 0 ? ` {{#flag}}(flagged){{/flag}}` : ""}`).join("\n");
const template = `${body}\n{{> shared/a}}`;
const references: Record<string, string> = {
  "shared/a": "A says {{var_1}} then {{> shared/b}}",
  "shared/b": "B says {{var_2}} then {{> shared/c}}",
  "shared/c": "C says {{var_3}} and ends.",
};
const resolve: ReferenceResolver = (name) => (references[name] === undefined ? null : { template: references[name]! });
const contract: Contract = {
  variables: [
    ...names.map((name) => ({ name, type: "string" as const, required: true })),
    { name: "flag", type: "boolean", required: false, default: false },
  ],
};
const values = Object.fromEntries(names.map((n, i) => [n, `value number ${i}`]));

function measure(label: string, render: () => string) {
  for (let i = 0; i < 2000; i++) render(); // warm up
  const samples: number[] = [];
  for (let round = 0; round < 50; round++) {
    const n = 200;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) render();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6 / n);
  }
  samples.sort((a, b) => a - b);
  const median = samples[samples.length >> 1]!;
  console.log(
    `${label.padEnd(44)} median ${median.toFixed(4)} ms/render  p90 ${samples[Math.floor(samples.length * 0.9)]!.toFixed(4)} ms  (target ≤ 0.2 ms: ${median <= 0.2 ? "met" : "NOT met"})`,
  );
}

const parsed = parseTemplate(template);
const output = renderTemplate({ template, values, contract, resolveReference: resolve });
if (!output.includes("C says value number 3")) throw new Error("bench template did not render as expected");
console.log(`template: ${template.length} chars, 100 variables, 3 nested references; output ${output.length} chars`);
measure("parse + check + render (from source)", () =>
  renderTemplate({ template, values, contract, resolveReference: resolve }),
);
measure("check + render (pre-parsed)", () =>
  renderTemplate({ template: parsed, values, contract, resolveReference: resolve }),
);
