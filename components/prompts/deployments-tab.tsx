import Link from "next/link";

import { DeploymentTimeline } from "@/components/prompts/deployment-timeline";
import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { listDeployments } from "@/lib/environments/list-deployments";
import { describeArms } from "@/lib/releases/arms";

/** The Deployments tab: one environment's timeline for this prompt (`env` is `?env=`; by default the first protected one). */
export async function DeploymentsTab({
  access,
  prompt,
  here,
  environments,
  running,
  splits,
  env: selected,
}: PromptTabProps & { env?: string }) {
  const env = environments.find((e) => e.slug === selected) ?? environments.find((e) => e.protected) ?? environments[0];
  if (!env) return <p className="text-muted">This project has no environments.</p>;
  const deployments = await listDeployments({
    projectId: access.project.id,
    environmentId: env.id,
    promptId: prompt.id,
    limit: 100,
  });
  const may = {
    deploy: can(access.role, "deployment.unprotected"),
    emergency: can(access.role, "deployment.emergency"),
    review: can(access.role, "review.request"),
  };
  return (
    <div className="space-y-3">
      <nav aria-label="Environment" className="flex flex-wrap gap-1">
        {environments.map((e) => (
          <Link
            key={e.slug}
            href={`${here}?view=deployments&env=${e.slug}`}
            aria-current={e.id === env.id ? "page" : undefined}
            className={buttonClass(e.id === env.id ? "secondary" : "ghost")}
          >
            {e.name}{" "}
            {splits[e.slug] ? `(${describeArms(splits[e.slug]!)})` : running[e.slug] ? `(v${running[e.slug]})` : ""}
          </Link>
        ))}
      </nav>
      <DeploymentTimeline
        projectSlug={access.project.slug}
        promptId={prompt.id}
        environment={env}
        current={running[env.slug] ?? null}
        deployments={deployments}
        may={may}
      />
    </div>
  );
}
