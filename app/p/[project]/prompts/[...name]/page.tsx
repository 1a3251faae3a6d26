import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { CompareTab } from "@/components/prompts/compare-tab";
import { DeploymentsTab } from "@/components/prompts/deployments-tab";
import { EditTab } from "@/components/prompts/edit-tab";
import { HistoryTab } from "@/components/prompts/history-tab";
import { PromptHeader } from "@/components/prompts/prompt-header";
import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { RunsTab } from "@/components/prompts/runs-tab";
import { SettingsTab } from "@/components/prompts/settings-tab";
import { UseTab } from "@/components/prompts/use-tab";
import { VersionTab } from "@/components/prompts/version-tab";
import { ReleasesTab } from "@/components/releases/releases-tab";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { getPromptDetail } from "@/lib/collab/storage/get-prompt-detail";
import { listEnvironments, versionsByEnvironment } from "@/lib/environments/list-environments";
import { readPageInt } from "@/lib/http/read-page-int";
import { findPromptByName } from "@/lib/prompts/find-prompt-by-name";
import { splitsByEnvironment } from "@/lib/releases/list-splits";

type Params = { project: string; name: string[] };
type Search = { view?: string; v?: string; a?: string; b?: string; before?: string; run?: string; env?: string };

const views = ["edit", "history", "compare", "version", "settings", "runs", "deployments", "releases", "use"] as const;

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { name } = await params;
  return { title: name.map(decodeURIComponent).join("/") };
}

/** One prompt, one `?view=` tab at a time (the editor by default); each tab loads its own data. */
export default async function PromptPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Search>;
}) {
  const { project, name } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "prompt.view");
  const found = await findPromptByName({ projectId: access.project.id, name: name.map(decodeURIComponent).join("/") });
  if (!found) notFound();
  const base = `/p/${access.project.slug}/prompts`;
  if (found.movedTo) {
    const qs = new URLSearchParams(Object.entries(search).filter(([, v]) => v) as Array<[string, string]>).toString();
    redirect(`${base}/${found.movedTo}${qs ? `?${qs}` : ""}`);
  }
  const projectId = access.project.id;
  const promptId = found.prompt.id;
  const [prompt, environments, runningByPrompt, splitsByPrompt] = await Promise.all([
    getPromptDetail({ projectId, promptId, userId: access.user.id }),
    listEnvironments({ projectId }),
    versionsByEnvironment({ projectId, promptIds: [promptId] }),
    splitsByEnvironment({ projectId, promptIds: [promptId] }),
  ]);
  const view = views.find((v) => v === search.view) ?? "edit";
  const tab: PromptTabProps = {
    access,
    prompt,
    here: `${base}/${prompt.name}`,
    environments,
    running: runningByPrompt.get(promptId) ?? {},
    splits: splitsByPrompt.get(promptId) ?? {},
  };

  return (
    <div className="space-y-5">
      <PromptHeader {...tab} base={base} view={view} />
      {view === "edit" ? <EditTab {...tab} run={search.run} /> : null}
      {view === "history" ? <HistoryTab {...tab} before={readPageInt(search.before)} /> : null}
      {view === "version" ? <VersionTab {...tab} v={readPageInt(search.v)} /> : null}
      {view === "deployments" ? <DeploymentsTab {...tab} env={search.env} /> : null}
      {view === "releases" ? <ReleasesTab {...tab} before={search.before} /> : null}
      {view === "use" ? <UseTab {...tab} /> : null}
      {view === "runs" ? <RunsTab {...tab} before={search.before} /> : null}
      {view === "settings" ? <SettingsTab {...tab} /> : null}
      {view === "compare" ? <CompareTab {...tab} a={readPageInt(search.a)} b={readPageInt(search.b)} /> : null}
    </div>
  );
}
