import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";
import { findPromptByName } from "@/lib/prompts/find-prompt-by-name";
import { getPromptDetail } from "@/lib/prompts/get-prompt-detail";
import { listPromptNames } from "@/lib/prompts/list-prompt-names";
import { listProviders } from "@/lib/providers/list-providers";
import { listRuns } from "@/lib/playground/list-runs";
import { listEnvironments, versionsByEnvironment } from "@/lib/environments/list-environments";
import { listTestCases } from "@/lib/playground/test-cases";
import { listVersions } from "@/lib/prompts/list-versions";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import { diffModelConfig } from "@/lib/prompts/diff-model-config";
import { promptText } from "@/lib/prompts/prompt-text";
import { diffContracts } from "@/lib/templates/diff-contracts";
import type { Contract } from "@/lib/templates/contract";
import { PromptEditor } from "@/components/prompts/prompt-editor";
import { UsePrompt } from "@/components/prompts/use-prompt";
import { publicOrigin } from "@/lib/http/public-origin";
import { headers } from "next/headers";
import { DeploymentTimeline } from "@/components/prompts/deployment-timeline";
import { listDeployments } from "@/lib/environments/list-deployments";
import { CompareView } from "@/components/prompts/compare-view";
import { VersionReadOnly } from "@/components/prompts/version-read-only";
import { PromptSettingsForm } from "@/components/prompts/prompt-settings-form";
import { buttonClass } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { readPageInt } from "@/lib/http/read-page-int";

type Params = { project: string; name: string[] };
type Search = { view?: string; v?: string; a?: string; b?: string; before?: string; run?: string; env?: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { name } = await params;
  return { title: name.map(decodeURIComponent).join("/") };
}


export default async function PromptPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const { project, name } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "prompt.view");
  const fullName = name.map(decodeURIComponent).join("/");
  const found = await findPromptByName({ projectId: access.project.id, name: fullName });
  if (!found) notFound();
  const base = `/p/${access.project.slug}/prompts`;
  if (found.movedTo) {
    const qs = new URLSearchParams(Object.entries(search).filter(([, v]) => v) as Array<[string, string]>).toString();
    redirect(`${base}/${found.movedTo}${qs ? `?${qs}` : ""}`);
  }
  const detail = await getPromptDetail({ projectId: access.project.id, promptId: found.prompt.id, userId: access.user.id });
  const [environments, runningByPrompt] = await Promise.all([listEnvironments({ projectId: access.project.id }), versionsByEnvironment({ projectId: access.project.id, promptIds: [detail.id] })]);
  const running = runningByPrompt.get(detail.id) ?? {};
  const here = `${base}/${detail.name}`;
  const view = search.view === "history" || search.view === "compare" || search.view === "version" || search.view === "settings" || search.view === "runs" || search.view === "deployments" || search.view === "use" ? search.view : "edit";
  const latest = detail.latestVersion?.number ?? 0;
  const tabs = [
    { view: "edit", label: "Editor", href: here },
    { view: "history", label: `History${latest ? ` (${latest})` : ""}`, href: `${here}?view=history` },
    ...(latest >= 2 ? [{ view: "compare", label: "Compare", href: `${here}?view=compare&a=${latest - 1}&b=${latest}` }] : []),
    { view: "deployments", label: "Deployments", href: `${here}?view=deployments` },
    { view: "runs", label: "Runs", href: `${here}?view=runs` },
    { view: "settings", label: "Details", href: `${here}?view=settings` },
    ...(latest ? [{ view: "use", label: "Use this prompt", href: `${here}?view=use` }] : []),
  ];

  return (
    <div className="space-y-5">
      <div>
        <Link href={base} className="text-xs text-muted hover:text-ink">
          ← Prompts
        </Link>
        <div className="mt-1 flex flex-wrap items-baseline gap-3">
          <h1 className="font-mono text-lg font-semibold">{detail.name}</h1>
          <span className="rounded bg-subtle px-1.5 py-0.5 text-xs text-muted">{detail.type === "CHAT" ? "Chat" : "Text"}</span>
          {detail.latestVersion ? (
            <span className="text-xs text-muted">
              v{detail.latestVersion.number} by {detail.latestVersion.author}, <Time value={detail.latestVersion.createdAt} />
            </span>
          ) : (
            <span className="text-xs text-muted">No version saved yet</span>
          )}
          {detail.archived ? <span className="rounded bg-subtle px-1.5 py-0.5 text-xs text-danger">Archived</span> : null}
          {environments
            .filter((e) => running[e.slug])
            .map((e) => (
              <span key={e.slug} className="rounded bg-subtle px-1.5 py-0.5 text-xs" data-testid={`runs-in-${e.slug}`}>
                {e.name}: v{running[e.slug]}
              </span>
            ))}
        </div>
        {detail.description ? <p className="mt-1 text-muted">{detail.description}</p> : null}
      </div>
      <nav aria-label="Prompt" className="flex gap-1 border-b border-line">
        {tabs.map((t) => (
          <Link key={t.view} href={t.href} aria-current={view === t.view ? "page" : undefined} className={`-mb-px border-b-2 px-3 py-2 ${view === t.view ? "border-accent font-medium" : "border-transparent text-muted hover:text-ink"}`}>
            {t.label}
          </Link>
        ))}
      </nav>
      {view === "edit" ? (
        <PromptEditor
          projectSlug={access.project.slug}
          prompt={detail}
          promptNames={await listPromptNames({ projectId: access.project.id })}
          canEdit={can(access.role, "prompt.edit") && !detail.archived}
          canRun={can(access.role, "playground.run")}
          providers={can(access.role, "playground.run") ? await listProviders({ projectId: access.project.id }) : []}
          canManageProviders={can(access.role, "provider.manage")}
          testCases={can(access.role, "playground.run") ? await listTestCases({ projectId: access.project.id, promptId: detail.id }) : []}
          canRequestReview={can(access.role, "review.request")}
          reopen={search.run ? (await listRuns({ projectId: access.project.id, promptId: detail.id, runId: search.run })).runs[0] ?? null : null}
        />
      ) : null}
      {view === "history" ? (
        <History
          here={here}
          projectId={access.project.id}
          promptId={detail.id}
          before={readPageInt(search.before)}
          runningIn={environments.filter((e) => running[e.slug]).map((e) => ({ name: e.name, version: running[e.slug]! }))}
        />
      ) : null}
      {view === "version" ? (
        <VersionReadOnly
          projectSlug={access.project.slug}
          promptId={detail.id}
          promptType={detail.type}
          version={await getVersionOrThrow({ projectId: access.project.id, promptId: detail.id, number: readPageInt(search.v) ?? (latest || 1) }).catch(() => notFound())}
          latestVersion={latest}
          editorHref={here}
          canEdit={can(access.role, "prompt.edit")}
          requestReviewHref={can(access.role, "review.request") && !detail.archived ? `/p/${access.project.slug}/reviews/new?prompt=${detail.id}&version=${readPageInt(search.v) ?? (latest || 1)}` : null}
          deployTargets={can(access.role, "deployment.unprotected") ? environments.map((e) => ({ slug: e.slug, name: e.name, protected: e.protected, current: running[e.slug] ?? null })) : null}
        />
      ) : null}
      {view === "deployments" ? (
        <Deployments
          here={here}
          projectSlug={access.project.slug}
          projectId={access.project.id}
          promptId={detail.id}
          environments={environments}
          selected={search.env}
          running={running}
          may={{ deploy: can(access.role, "deployment.unprotected"), emergency: can(access.role, "deployment.emergency"), review: can(access.role, "review.request") }}
        />
      ) : null}
      {view === "use" && latest ? (
        <UsePrompt
          origin={publicOrigin(await headers())}
          projectSlug={access.project.slug}
          name={detail.name}
          contract={(await getVersionOrThrow({ projectId: access.project.id, promptId: detail.id, number: latest })).content.contract as Contract}
          environments={environments.map((e) => ({ slug: e.slug, name: e.name, version: running[e.slug] ?? null }))}
          canManageKeys={can(access.role, "apikey.manage")}
        />
      ) : null}
      {view === "runs" ? <Runs here={here} projectId={access.project.id} promptId={detail.id} before={search.before} /> : null}
      {view === "settings" ? (
        <PromptSettingsForm projectSlug={access.project.slug} promptId={detail.id} name={detail.name} description={detail.description} tags={detail.tags} archived={detail.archived} canEdit={can(access.role, "prompt.edit")} canDelete={can(access.role, "prompt.delete")} />
      ) : null}
      {view === "compare" ? <Compare here={here} projectId={access.project.id} promptId={detail.id} a={readPageInt(search.a)} b={readPageInt(search.b)} latest={latest} /> : null}
    </div>
  );
}

async function History({ here, projectId, promptId, before, runningIn }: { here: string; projectId: string; promptId: string; before?: number; runningIn: Array<{ name: string; version: number }> }) {
  const { versions, nextBefore } = await listVersions({ projectId, promptId, before });
  if (!versions.length) return <p className="text-muted">No versions yet. Write the prompt in the editor and save version 1 (Ctrl/Cmd+S).</p>;
  return (
    <div className="space-y-3">
      <ol className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="version-history">
        {versions.map((v) => (
          <li key={v.number} className="flex flex-wrap items-center gap-3 px-4 py-2">
            <Link href={`${here}?view=version&v=${v.number}`} className="font-mono font-medium text-accent hover:underline">
              v{v.number}
            </Link>
            <span className="min-w-0 flex-1 truncate">{v.message}</span>
            {runningIn
              .filter((r) => r.version === v.number)
              .map((r) => (
                <span key={r.name} className="rounded bg-subtle px-1.5 py-0.5 text-xs">
                  {r.name}
                </span>
              ))}
            <span className="font-mono text-xs">
              <span className="text-success">+{v.linesAdded}</span> <span className="text-danger">−{v.linesRemoved}</span>
            </span>
            <span className="text-xs text-muted">
              {v.author}, <Time value={v.createdAt} />
            </span>
            {v.number > 1 ? (
              <Link href={`${here}?view=compare&a=${v.number - 1}&b=${v.number}`} className="text-xs text-accent hover:underline">
                Compare with v{v.number - 1}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
      {nextBefore ? (
        <Link href={`${here}?view=history&before=${nextBefore}`} className={buttonClass("secondary")}>
          Older versions
        </Link>
      ) : null}
    </div>
  );
}

async function Compare({ here, projectId, promptId, a, b, latest }: { here: string; projectId: string; promptId: string; a?: number; b?: number; latest: number }) {
  const from = a ?? Math.max(1, latest - 1);
  const to = b ?? latest;
  const [left, right] = await Promise.all([getVersionOrThrow({ projectId, promptId, number: from }), getVersionOrThrow({ projectId, promptId, number: to })]).catch(() => notFound());
  return (
    <CompareView
      here={here}
      latest={latest}
      a={from}
      b={to}
      originalText={promptText(left.content)}
      modifiedText={promptText(right.content)}
      configChanges={diffModelConfig(left.content.modelConfig, right.content.modelConfig)}
      contractChanges={diffContracts(left.content.contract as Contract, right.content.contract as Contract)}
    />
  );
}

async function Deployments(props: {
  here: string;
  projectSlug: string;
  projectId: string;
  promptId: string;
  environments: Array<{ id: string; slug: string; name: string; protected: boolean }>;
  selected?: string;
  running: Record<string, number>;
  may: { deploy: boolean; emergency: boolean; review: boolean };
}) {
  const env = props.environments.find((e) => e.slug === props.selected) ?? props.environments.find((e) => e.protected) ?? props.environments[0];
  if (!env) return <p className="text-muted">This project has no environments.</p>;
  const deployments = await listDeployments({ projectId: props.projectId, environmentId: env.id, promptId: props.promptId, limit: 100 });
  return (
    <div className="space-y-3">
      <nav aria-label="Environment" className="flex flex-wrap gap-1">
        {props.environments.map((e) => (
          <Link key={e.slug} href={`${props.here}?view=deployments&env=${e.slug}`} aria-current={e.id === env.id ? "page" : undefined} className={buttonClass(e.id === env.id ? "secondary" : "ghost")}>
            {e.name} {props.running[e.slug] ? `(v${props.running[e.slug]})` : ""}
          </Link>
        ))}
      </nav>
      <DeploymentTimeline projectSlug={props.projectSlug} promptId={props.promptId} environment={env} current={props.running[env.slug] ?? null} deployments={deployments} may={props.may} />
    </div>
  );
}

async function Runs({ here, projectId, promptId, before }: { here: string; projectId: string; promptId: string; before?: string }) {
  const { runs, nextBefore } = await listRuns({ projectId, promptId, before });
  if (!runs.length) return <p className="text-muted">No runs yet. Run the prompt from the editor (Ctrl/Cmd+Enter); every run is kept here.</p>;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="run-history">
        {runs.map((r) => (
          <li key={r.id} className="px-4 py-2">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-3">
                <span className="text-xs text-muted"><Time value={r.createdAt} /></span>
                <span>{r.user}</span>
                <span className="font-mono text-xs">{r.source}</span>
                <span className="text-xs text-muted">
                  {r.providerName} · {r.model}
                </span>
                {r.error ? (
                  <span className="text-xs text-danger">{r.error.message}</span>
                ) : (
                  <span className="text-xs text-muted">
                    {r.totalMs ?? "—"} ms · {r.inputTokens ?? "?"}/{r.outputTokens ?? "?"} tokens · {r.costUsd === null ? "cost unknown" : `$${r.costUsd.toFixed(6)}`}
                  </span>
                )}
                <Link href={`${here}?run=${r.id}`} className="ml-auto text-xs text-accent hover:underline">
                  Reopen in playground
                </Link>
              </summary>
              <div className="mt-2 grid gap-3 md:grid-cols-2">
                <div>
                  <h3 className="text-xs font-medium text-muted">Sent</h3>
                  <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-canvas p-2 text-xs">{r.renderedMessages.map((m) => `[${m.role}] ${typeof m.content === "string" ? m.content : JSON.stringify(m.content)}`).join("\n\n")}</pre>
                </div>
                <div>
                  <h3 className="text-xs font-medium text-muted">Answer</h3>
                  <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-canvas p-2 text-xs">{r.output || (r.error ? `${r.error.message} ${r.error.hint}` : "")}</pre>
                </div>
              </div>
            </details>
          </li>
        ))}
      </ul>
      {nextBefore ? (
        <Link href={`${here}?view=runs&before=${nextBefore}`} className={buttonClass("secondary")}>
          Older runs
        </Link>
      ) : null}
    </div>
  );
}
