import { notFound } from "next/navigation";

import { CompareView } from "@/components/prompts/compare-view";
import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { diffModelConfig } from "@/lib/prompts/diff-model-config";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";
import { promptText } from "@/lib/prompts/prompt-text";
import { diffContracts } from "@/lib/templates/diff-contracts";

/** The Compare tab: version `a` against version `b` (`?a=`, `?b=`), by default the last two. */
export async function CompareTab({ access, prompt, here, a, b }: PromptTabProps & { a?: number; b?: number }) {
  const latest = prompt.latestVersion?.number ?? 0;
  const from = a ?? Math.max(1, latest - 1);
  const to = b ?? latest;
  const lookup = { projectId: access.project.id, promptId: prompt.id };
  const [left, right] = await Promise.all([
    getVersionOrThrow({ ...lookup, number: from }),
    getVersionOrThrow({ ...lookup, number: to }),
  ]).catch(() => notFound());
  return (
    <CompareView
      here={here}
      latest={latest}
      a={from}
      b={to}
      originalText={promptText(left.content)}
      modifiedText={promptText(right.content)}
      configChanges={diffModelConfig(left.content.modelConfig, right.content.modelConfig)}
      contractChanges={diffContracts(left.content.contract, right.content.contract)}
    />
  );
}
