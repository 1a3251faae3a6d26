import { cookies } from "next/headers";

import { EDITOR_PREFS_COOKIE, parseEditorPrefs } from "@/components/prompts/editor-prefs";
import { PromptEditor } from "@/components/prompts/prompt-editor";
import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { can } from "@/lib/auth/permissions";
import { listRuns } from "@/lib/playground/list-runs";
import { listTestCases } from "@/lib/playground/test-cases";
import { listPromptNames } from "@/lib/prompts/list-prompt-names";
import { listProviders } from "@/lib/providers/list-providers";

/** The Editor tab; `run` is a stored run (`?run=`) to reopen in the playground. */
export async function EditTab({ access, prompt, run, here, running }: PromptTabProps & { run?: string }) {
  const projectId = access.project.id;
  const canRun = can(access.role, "playground.run");
  // Independent lookups: one round of waiting instead of four.
  const [promptNames, providers, testCases, reopen, cookieStore] = await Promise.all([
    listPromptNames({ projectId }),
    canRun ? listProviders({ projectId }) : [],
    canRun ? listTestCases({ projectId, promptId: prompt.id }) : [],
    run ? listRuns({ projectId, promptId: prompt.id, runId: run }).then((r) => r.runs[0] ?? null) : null,
    cookies(),
  ]);
  return (
    <PromptEditor
      // One live session per prompt: going from one prompt to another starts a new one.
      key={prompt.id}
      projectSlug={access.project.slug}
      prompt={prompt}
      promptNames={promptNames}
      user={{ id: access.user.id, name: access.user.name || access.user.email }}
      canEdit={can(access.role, "prompt.edit") && !prompt.archived}
      canRun={canRun}
      providers={providers}
      canManageProviders={can(access.role, "provider.manage")}
      testCases={testCases}
      canRequestReview={can(access.role, "review.request")}
      reopen={reopen}
      here={here}
      running={running}
      prefs={parseEditorPrefs(cookieStore.get(EDITOR_PREFS_COOKIE)?.value)}
    />
  );
}
