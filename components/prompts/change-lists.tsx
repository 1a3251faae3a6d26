import type { ConfigChange } from "@/lib/prompts/diff-model-config";
import type { ContractChange } from "@/lib/templates/diff-contracts";

/** Model-setting changes and contract changes side by side, breaking ones called out in red. */
export function ChangeLists({
  configChanges,
  contractChanges,
  headingLevel = "h2",
}: {
  configChanges: ConfigChange[];
  contractChanges: ContractChange[];
  headingLevel?: "h2" | "h3";
}) {
  const Heading = headingLevel;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="config-diff" className="space-y-2">
        <Heading id="config-diff" className="text-sm font-semibold">
          Model settings
        </Heading>
        {configChanges.length === 0 ? (
          <p className="text-muted">No changes.</p>
        ) : (
          <ul className="space-y-1" data-testid="config-changes">
            {configChanges.map((c) => (
              <li key={c.setting}>
                {c.setting} <span className="font-mono text-danger line-through">{c.before}</span> →{" "}
                <span className="font-mono text-success">{c.after}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="contract-diff" className="space-y-2">
        <Heading id="contract-diff" className="text-sm font-semibold">
          Variables
        </Heading>
        {contractChanges.length === 0 ? (
          <p className="text-muted">No changes.</p>
        ) : (
          <ul className="space-y-1" data-testid="contract-changes">
            {contractChanges.map((c, i) => (
              <li
                key={i}
                className={c.breaking ? "rounded border border-danger/40 bg-danger/5 px-2 py-1 text-danger" : ""}
              >
                {c.breaking ? <strong>Breaking: </strong> : null}
                {c.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
