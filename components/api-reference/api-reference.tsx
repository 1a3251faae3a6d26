import { OperationView } from "@/components/api-reference/operation-view";
import {
  FilterableGroup,
  FilterableOperation,
  NoMatchingOperation,
  ReferenceFilterInput,
  ReferenceFilterProvider,
  ReferenceToc,
  type ReferenceEntry,
} from "@/components/api-reference/reference-filter";
import { InlineMarkdown } from "@/components/api-reference/schema-field-list";
import type { ApiOperation, ApiTagGroup } from "@/lib/api-reference/list-operations";

const entryOf = (op: ApiOperation): ReferenceEntry => ({
  id: op.id,
  method: op.method.toUpperCase(),
  path: op.path,
  summary: op.summary,
  text: [op.method, op.path, op.id, op.tag, op.summary, op.description].filter(Boolean).join(" "),
});

/** The API reference: a filterable table of contents beside every operation, grouped by tag. */
export function ApiReference({
  groups,
  origin,
  document,
}: {
  groups: ApiTagGroup[];
  origin: string;
  document: unknown;
}) {
  const tocGroups = groups.map((g) => ({ tag: g.tag, entries: g.operations.map(entryOf) }));
  const entries = tocGroups.flatMap((g) => g.entries);
  return (
    <ReferenceFilterProvider entries={entries}>
      <div className="grid min-w-0 gap-6 lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-10">
        <aside className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <ReferenceFilterInput total={entries.length} />
          <ReferenceToc groups={tocGroups} />
        </aside>
        <div className="min-w-0 space-y-10" data-testid="api-operations">
          <NoMatchingOperation />
          {groups.map((group) => (
            <FilterableGroup key={group.tag} ids={group.operations.map((o) => o.id)}>
              <section aria-labelledby={`tag-${group.tag}`} className="space-y-6">
                <div>
                  <h2 id={`tag-${group.tag}`} className="text-lg font-semibold">
                    {group.tag}
                  </h2>
                  {group.description ? (
                    <p className="text-muted">
                      <InlineMarkdown text={group.description} />
                    </p>
                  ) : null}
                </div>
                {group.operations.map((op) => (
                  <FilterableOperation key={op.id} id={op.id}>
                    <OperationView operation={op} origin={origin} document={document} />
                  </FilterableOperation>
                ))}
              </section>
            </FilterableGroup>
          ))}
        </div>
      </div>
    </ReferenceFilterProvider>
  );
}
