import { ArrowRight, CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";

import { HideFirstRunButton } from "@/components/projects/hide-first-run-button";
import { Icon } from "@/components/ui/icon";
import { can, type Action, type ProjectRole } from "@/lib/auth/permissions";
import type { FirstRunProgress, FirstRunStep } from "@/lib/onboarding/get-first-run-progress";

const steps: Record<FirstRunStep, { title: string; why: string; path: string; action: Action; who: string }> = {
  prompt: {
    title: "Create a prompt",
    why: "Write the text your app sends to the model; every save becomes a numbered version.",
    path: "prompts/new",
    action: "prompt.edit",
    who: "Editors and above create prompts.",
  },
  provider: {
    title: "Connect a provider",
    why: "OpenAI, Azure or any OpenAI-compatible server, so the playground can run your prompts.",
    path: "settings/providers",
    action: "provider.manage",
    who: "Ask an admin to connect one.",
  },
  reviewer: {
    title: "Invite a reviewer",
    why: "Someone who may approve changes before they reach production.",
    path: "settings/members",
    action: "member.manage",
    who: "Ask an admin to invite one.",
  },
  apiKey: {
    title: "Create an API key",
    why: "Your application reads the deployed prompt with it instead of keeping the text in its code.",
    path: "settings/api-keys",
    action: "apikey.manage",
    who: "Ask an admin to create one.",
  },
};

/** A new project's first steps, ticked off from what exists; each open one links to where it is done. */
export function FirstRunChecklist(props: {
  projectSlug: string;
  role: ProjectRole;
  progress: FirstRunProgress;
  hideCookie: string;
}) {
  const order = Object.keys(steps) as FirstRunStep[];
  const done = order.filter((step) => props.progress[step]).length;
  return (
    <section
      aria-labelledby="first-run-heading"
      className="max-w-2xl space-y-4 rounded-lg border border-line bg-surface p-5"
      data-testid="first-run"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="first-run-heading" className="text-base font-semibold">
            Get started
          </h2>
          <p className="text-muted" data-testid="first-run-count">
            {done} of {order.length} done. Each step ticks itself off once it is done, by you or a teammate.
          </p>
        </div>
        <HideFirstRunButton cookie={props.hideCookie} next={`/p/${props.projectSlug}/prompts`} />
      </div>
      <ol className="divide-y divide-line rounded-md border border-line">
        {order.map((step) => {
          const { title, why, path, action, who } = steps[step];
          const isDone = props.progress[step];
          const allowed = can(props.role, action);
          return (
            <li key={step} className="flex items-start gap-3 px-4 py-3" data-testid={`first-run-${step}`}>
              <Icon
                icon={isDone ? CheckCircle2 : Circle}
                className={`mt-0.5 ${isDone ? "text-success" : "text-muted"}`}
              />
              <div className="min-w-0 flex-1">
                {!isDone && allowed ? (
                  <Link
                    href={`/p/${props.projectSlug}/${path}`}
                    className="inline-flex items-center gap-1 font-medium text-accent hover:underline"
                  >
                    {title}
                    <Icon icon={ArrowRight} />
                  </Link>
                ) : (
                  <div className={isDone ? "text-muted line-through" : "font-medium"}>{title}</div>
                )}
                <span className="sr-only">{isDone ? "Done." : "To do."}</span>
                <p className="text-xs text-muted">{isDone || allowed ? why : `${why} ${who}`}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
