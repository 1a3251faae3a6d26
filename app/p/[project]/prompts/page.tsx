import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { ProjectPresenceProvider } from "@/components/collab/project-presence";
import { ImportExport } from "@/components/prompts/import-export";
import { PreloadEditorWhenIdle } from "@/components/prompts/prompt-link";
import { PromptTable } from "@/components/prompts/prompt-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { PageHeader } from "@/components/ui/page-header";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";
import { listPresence } from "@/lib/collab/presence/list-presence";
import { listEnvironments, versionsByEnvironment } from "@/lib/environments/list-environments";
import { listFolders } from "@/lib/prompts/list-folders";
import { listPrompts } from "@/lib/prompts/list-prompts";
import { splitsByEnvironment } from "@/lib/releases/list-splits";
import { listPromptsQuerySchema } from "@/lib/validations/prompt";

export const metadata: Metadata = { title: "Prompts" };

type Search = Record<string, string | undefined>;

export default async function PromptsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Search>;
}) {
  const { project } = await params;
  const access = await getPageAccess(project, "prompt.view");
  const search = await searchParams;
  const parsed = listPromptsQuerySchema.safeParse(Object.fromEntries(Object.entries(search).filter(([, v]) => v)));
  const query = parsed.success ? parsed.data : listPromptsQuerySchema.parse({});
  const [{ prompts, nextCursor }, folders, environments, presence] = await Promise.all([
    listPrompts({ projectId: access.project.id, query }),
    listFolders({ projectId: access.project.id }),
    listEnvironments({ projectId: access.project.id }),
    listPresence({ projectId: access.project.id }),
  ]);
  const base = `/p/${access.project.slug}/prompts`;
  const canEdit = can(access.role, "prompt.edit");
  const filtered = Boolean(query.q || query.folder || query.tag || query.env || query.archived || query.cursor);
  const newButton = canEdit ? (
    <Link
      href={`${base}/new${query.folder ? `?folder=${encodeURIComponent(query.folder)}` : ""}`}
      className={buttonClass("primary")}
    >
      <Icon icon={Plus} />
      New prompt
    </Link>
  ) : null;

  if (!filtered && prompts.length === 0) {
    return (
      <>
        <PageHeader title="Prompts" description={`The prompts of ${access.project.name}, versioned and reviewed.`} />
        <EmptyState title="No prompts yet" action={newButton}>
          {canEdit
            ? "A prompt is a template your application sends to an LLM. Create one, write it in the editor, and save numbered versions your team can compare and review."
            : "Nobody has created a prompt in this project yet. Editors and admins can create them."}
        </EmptyState>
        {canEdit ? (
          <div className="mx-auto mt-6 flex max-w-md flex-col items-center gap-2 text-center text-muted">
            <p>Moving from another Galley? Import its export file.</p>
            <ImportExport projectSlug={access.project.slug} canImport />
          </div>
        ) : null}
      </>
    );
  }

  const link = (changes: Search) => {
    const next = new URLSearchParams(
      Object.entries({
        q: query.q,
        folder: query.folder,
        tag: query.tag,
        env: query.env,
        archived: query.archived,
        ...changes,
      }).filter(([, v]) => v) as Array<[string, string]>,
    );
    const qs = next.toString();
    return qs ? `${base}?${qs}` : base;
  };

  return (
    <>
      <PageHeader
        title="Prompts"
        description={`The prompts of ${access.project.name}, last changed first.`}
        actions={newButton}
      />
      {/* The folders sit beside the list only where the list keeps room for every column (2xl). */}
      <div className="grid gap-4 2xl:grid-cols-[14rem_1fr] 2xl:gap-6">
        {/* A row that scrolls sideways on its own; a column beside the list from 2xl up. */}
        <nav
          aria-label="Folders"
          className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 text-sm whitespace-nowrap 2xl:mx-0 2xl:block 2xl:space-y-0.5 2xl:px-0 2xl:pb-0"
        >
          <Link
            href={link({ folder: undefined, cursor: undefined })}
            aria-current={!query.folder ? "page" : undefined}
            className="block shrink-0 rounded px-2 py-1 hover:bg-subtle aria-[current=page]:bg-subtle aria-[current=page]:font-medium"
          >
            All prompts
          </Link>
          {folders.map((f) => (
            <Link
              key={f.path}
              href={link({ folder: f.path, cursor: undefined })}
              aria-current={query.folder === f.path ? "page" : undefined}
              className="flex shrink-0 items-baseline justify-between gap-2 rounded px-2 py-1 hover:bg-subtle aria-[current=page]:bg-subtle aria-[current=page]:font-medium 2xl:pl-(--indent)"
              style={{ "--indent": `${0.5 + (f.path.split("/").length - 1) * 0.75}rem` } as React.CSSProperties}
            >
              {/* In the row, the whole path (nothing indents it); in the column, the last part, indented. */}
              <span className="truncate 2xl:hidden">{f.path}/</span>
              <span className="hidden truncate 2xl:inline">{f.path.split("/").pop()}/</span>
              <span className="text-xs text-muted">{f.count}</span>
            </Link>
          ))}
          <Link
            href={link({ archived: query.archived ? undefined : "true", cursor: undefined })}
            className="block shrink-0 rounded px-2 py-1 text-muted hover:bg-subtle 2xl:mt-3"
          >
            {query.archived ? "← Live prompts" : "Archived"}
          </Link>
        </nav>
        <div className="min-w-0 space-y-3">
          <form method="get" action={base} className="flex flex-wrap gap-2" role="search">
            {query.folder ? <input type="hidden" name="folder" value={query.folder} /> : null}
            {query.archived ? <input type="hidden" name="archived" value={query.archived} /> : null}
            <input
              type="search"
              name="q"
              defaultValue={query.q}
              placeholder="Search names, descriptions and text"
              aria-label="Search prompts"
              className="min-w-0 flex-[1_1_16rem] rounded-md border border-line bg-surface px-3 py-1.5"
            />
            <input
              name="tag"
              defaultValue={query.tag}
              placeholder="Tag"
              aria-label="Filter by tag"
              className="w-32 rounded-md border border-line bg-surface px-3 py-1.5"
            />
            <select
              name="env"
              defaultValue={query.env ?? ""}
              aria-label="Filter by environment"
              className="rounded-md border border-line bg-surface px-3 py-1.5"
            >
              <option value="">Any environment</option>
              {environments.map((e) => (
                <option key={e.slug} value={e.slug}>
                  Runs in {e.name}
                </option>
              ))}
            </select>
            <button type="submit" className={buttonClass("secondary")}>
              Search
            </button>
            {filtered ? (
              <Link href={base} className={buttonClass("ghost")}>
                Clear
              </Link>
            ) : null}
          </form>
          <PreloadEditorWhenIdle />
          <ProjectPresenceProvider projectSlug={access.project.slug} initial={presence}>
            <PromptTable
              projectSlug={access.project.slug}
              prompts={prompts}
              environments={environments}
              running={
                prompts.length
                  ? await versionsByEnvironment({ projectId: access.project.id, promptIds: prompts.map((p) => p.id) })
                  : new Map()
              }
              splits={await splitsByEnvironment({ projectId: access.project.id, promptIds: prompts.map((p) => p.id) })}
            />
          </ProjectPresenceProvider>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div className="flex gap-2">
              {query.cursor ? (
                <Link href={link({ cursor: undefined })} className={buttonClass("secondary")}>
                  First page
                </Link>
              ) : null}
              {nextCursor ? (
                <Link href={link({ cursor: nextCursor })} className={buttonClass("secondary")}>
                  Next page
                </Link>
              ) : null}
            </div>
            <ImportExport projectSlug={access.project.slug} canImport={canEdit} />
          </div>
        </div>
      </div>
    </>
  );
}
