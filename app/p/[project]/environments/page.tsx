import type { Metadata } from "next";
import Link from "next/link";

import { TimeTravelForm } from "@/components/environments/time-travel-form";
import { PromptLink } from "@/components/prompts/prompt-link";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { EnvironmentBadge } from "@/components/ui/environment-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { parseMoment } from "@/lib/dates/parse-moment";
import { deploymentKindLabel } from "@/lib/environments/deployment-kind-label";
import { diffEnvironment, environmentAt } from "@/lib/environments/environment-at";
import { listDeployments } from "@/lib/environments/list-deployments";
import { listEnvironments } from "@/lib/environments/list-environments";
import { describePointer } from "@/lib/releases/describe-pointer";

export const metadata: Metadata = { title: "Environments" };

/** at/from: ISO moments (to the millisecond); after: a deployment id ("as it was right after this"). */
type Search = { env?: string; at?: string; from?: string; after?: string };

export default async function EnvironmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Search>;
}) {
  const { project } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "environment.view");
  const environments = await listEnvironments({ projectId: access.project.id });
  const env = environments.find((e) => e.slug === search.env) ?? environments[0];
  const base = `/p/${access.project.slug}/environments`;
  if (!env) {
    return (
      <>
        <PageHeader title="Environments" />
        <EmptyState title="No environments">This project has no environments.</EmptyState>
      </>
    );
  }
  const deployments = await listDeployments({ projectId: access.project.id, environmentId: env.id });
  // Right after a deployment of the timeline: its moment, without a later one in the same millisecond.
  const through = search.after ? deployments.find((d) => d.id === search.after) : undefined;
  const at = through ? new Date(through.createdAt) : parseMoment({ value: search.at });
  const from = parseMoment({ value: search.from });
  const badInput = Boolean((search.at && !at) || (search.from && !from));
  const [running, changes] = await Promise.all([
    environmentAt({
      projectId: access.project.id,
      environmentSlug: env.slug,
      ...(through ? { throughDeploymentId: through.id } : { at: at ?? undefined }),
    }),
    from
      ? diffEnvironment({ projectId: access.project.id, environmentSlug: env.slug, from, to: at ?? new Date() })
      : Promise.resolve(null),
  ]);

  return (
    <>
      <PageHeader
        title="Environments"
        description="Which version of each prompt each environment runs, and what it ran at any moment."
      />
      <nav aria-label="Environment" className="mb-5 flex gap-1 overflow-x-auto border-b border-line whitespace-nowrap">
        {environments.map((e) => (
          <Link
            key={e.id}
            href={`${base}?env=${e.slug}`}
            aria-current={e.id === env.id ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${e.id === env.id ? "border-accent font-medium" : "border-transparent text-muted hover:text-ink"}`}
          >
            {e.name} {e.protected ? <span className="text-xs text-muted">(protected)</span> : null}
          </Link>
        ))}
      </nav>
      <TimeTravelForm
        base={base}
        environment={env.slug}
        at={at ? at.toISOString() : null}
        from={from ? from.toISOString() : null}
      />
      {badInput ? <Alert>Use a date and time such as 2026-11-24T09:00:05Z.</Alert> : null}
      {search.after && !through ? <Alert>That deployment is not in {env.name}&apos;s recent history.</Alert> : null}
      {changes ? (
        <section aria-labelledby="changes-heading" className="mb-6 space-y-2">
          <h2 id="changes-heading" className="font-semibold">
            Changes from <Time value={from!} format="exact" seconds /> to{" "}
            {at ? <Time value={at} format="exact" seconds /> : "now"}
          </h2>
          {changes.length === 0 ? (
            <p className="text-muted">No prompt changed in {env.name} in that time.</p>
          ) : (
            <ul className="space-y-1" data-testid="environment-changes">
              {changes.map((c) => (
                <li key={c.promptName}>
                  <span className="font-mono">{c.promptName}</span>:{" "}
                  {c.from ? describePointer({ version: c.from, arms: c.fromArms }) : "—"} →{" "}
                  {c.to ? describePointer({ version: c.to, arms: c.toArms }) : "removed"}
                  {c.by ? (
                    <span className="text-muted">
                      {" "}
                      · {c.by}, <Time value={c.at!} format="exact" seconds />
                    </span>
                  ) : null}
                  {c.reviewNumber ? (
                    <>
                      {" "}
                      <Link
                        className="text-accent hover:underline"
                        href={`/p/${access.project.slug}/reviews/${c.reviewNumber}`}
                      >
                        via review #{c.reviewNumber}
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="running-heading" className="mb-8 space-y-2">
        <h2 id="running-heading" className="font-semibold">
          {env.name}{" "}
          {through ? (
            <>
              right after the deployment of {through.promptName} v{through.toVersion} (
              <Time value={through.createdAt} format="exact" seconds />)
            </>
          ) : at ? (
            <>
              as of <Time value={at} format="exact" seconds />
            </>
          ) : (
            "now"
          )}
        </h2>
        <Table
          columns={[{ label: "Prompt", kind: "name" }, { label: "Version", kind: "badge" }, "Deployed"]}
          empty={
            at
              ? `${env.name} ran no prompt at that moment.`
              : `${env.name} runs no prompt yet. Deploy a version from a prompt's history${env.protected ? " (protected: through a review)" : ""}.`
          }
          data-testid="environment-prompts"
        >
          {running.map((r) => (
            <TableRow key={r.promptId}>
              <TableCell kind="name" className="font-mono text-[13px]">
                <PromptLink
                  className="block truncate text-accent hover:underline"
                  title={r.promptName}
                  href={`/p/${access.project.slug}/prompts/${r.promptName}?view=version&v=${r.version}`}
                >
                  {r.promptName}
                </PromptLink>
              </TableCell>
              <TableCell kind="badge">
                <EnvironmentBadge slug={env.slug} name={env.name} version={r.version} />
              </TableCell>
              <TableCell className="min-w-56 text-muted">
                {r.deployedBy}, <Time value={r.deployedAt} className="whitespace-nowrap" />{" "}
                {r.kind !== "deploy" && r.kind !== "review"
                  ? `(${deploymentKindLabel({ kind: r.kind, fromVersion: r.fromVersion, toVersion: r.version })}${r.reason ? `: ${r.reason}` : ""})`
                  : ""}
                {r.reviewNumber ? (
                  <Link
                    className="text-accent hover:underline"
                    href={`/p/${access.project.slug}/reviews/${r.reviewNumber}`}
                  >
                    via review #{r.reviewNumber}
                  </Link>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </Table>
      </section>
      <section aria-labelledby="timeline-heading" className="space-y-2">
        <h2 id="timeline-heading" className="font-semibold">
          Deployments to {env.name}
        </h2>
        {deployments.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <ol
            className="divide-y divide-line rounded-lg border border-line bg-surface"
            data-testid="deployment-timeline"
          >
            {deployments.map((d) => (
              <li key={d.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2 md:flex-nowrap">
                <Time value={d.createdAt} className="w-24 shrink-0 text-xs whitespace-nowrap text-muted" />
                <span className="min-w-0 truncate font-mono text-[13px]" title={d.promptName}>
                  {d.promptName}
                </span>
                <span className="whitespace-nowrap">
                  {d.fromVersion ? `v${d.fromVersion}` : "—"} → v{d.toVersion}
                </span>
                <span className="max-w-40 truncate text-muted" title={d.actorName}>
                  {d.actorName}
                </span>
                {d.kind !== "deploy" && d.kind !== "review" ? (
                  <span className="text-xs whitespace-nowrap text-danger">{deploymentKindLabel(d)}</span>
                ) : null}
                {d.reviewNumber ? (
                  <Link
                    className="whitespace-nowrap text-accent hover:underline"
                    href={`/p/${access.project.slug}/reviews/${d.reviewNumber}`}
                  >
                    review #{d.reviewNumber}
                  </Link>
                ) : null}
                {d.reason && d.kind !== "review" ? (
                  <span className="min-w-0 truncate text-muted" title={d.reason}>
                    “{d.reason}”
                  </span>
                ) : null}
                {d.gateOverride ? (
                  <span
                    className="min-w-0 truncate text-xs text-danger"
                    title={d.gateOverride}
                    data-testid="gate-override"
                  >
                    evaluation gate overridden: “{d.gateOverride}”
                  </span>
                ) : null}
                <span className="flex-1" />
                {through?.id === d.id ? (
                  <span className="text-xs whitespace-nowrap text-muted">shown above</span>
                ) : (
                  <Link
                    className="text-xs whitespace-nowrap text-accent hover:underline"
                    href={`${base}?env=${env.slug}&after=${d.id}`}
                  >
                    As it was right after this
                  </Link>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
