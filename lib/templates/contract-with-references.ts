import type { Contract, VariableSpec } from "./contract";
import { parseTemplate, type ParsedTemplate, type TemplateNode } from "./parse-template";
import { MAX_REFERENCE_DEPTH, type ReferenceResolver } from "./render-template";

/**
 * The contract a prompt renders with once its references are followed: its own variables, then
 * the variables of the prompts it includes (directly or through others) that it does not declare
 * itself, the first declaration in reading order winning. So `{{> support/shared/signature}}`
 * keeps the signature's own defaults, and strict mode accepts the variables it uses.
 * Included variables are never required of the caller: only the including prompt's contract is
 * reviewed as the app's contract, so a change to a shared prompt must not break apps unseen.
 * The resolved form served to apps carries this contract, so every renderer agrees.
 */
export function contractWithReferences(opts: {
  contract: Contract;
  templates: Array<string | ParsedTemplate>;
  resolveReference?: ReferenceResolver;
}): Contract {
  const resolve = opts.resolveReference;
  if (!resolve) return opts.contract;
  const variables: VariableSpec[] = [...opts.contract.variables];
  const known = new Set(variables.map((v) => v.name));
  const visited = new Set<string>();
  // Depth-bounded like rendering, so even a resolver that invents prompts cannot recurse forever.
  const walk = (nodes: TemplateNode[], depth: number) => {
    for (const node of nodes) {
      if (node.kind === "section") walk(node.children, depth);
      if (node.kind !== "reference" || depth >= MAX_REFERENCE_DEPTH) continue;
      const label = node.version === null ? node.prompt : `${node.prompt}@${node.version}`;
      if (visited.has(label)) continue;
      visited.add(label);
      const target = resolve(node.prompt, node.version);
      if (!target) continue;
      for (const spec of target.contract?.variables ?? []) {
        if (known.has(spec.name)) continue;
        known.add(spec.name);
        variables.push({ ...spec, required: false });
      }
      walk(parseTemplate(target.template).nodes, depth + 1);
    }
  };
  for (const template of opts.templates)
    walk((typeof template === "string" ? parseTemplate(template) : template).nodes, 0);
  return variables.length === opts.contract.variables.length ? opts.contract : { variables };
}
