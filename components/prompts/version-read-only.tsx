"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";

import { TemplateEditor } from "@/components/editor/template-editor";
import { ContractPanel } from "@/components/prompts/contract-panel";
import { DeployControl } from "@/components/prompts/deploy-control";
import { MessageList } from "@/components/prompts/message-list";
import { ModelSettingsPanel } from "@/components/prompts/model-settings-panel";
import { versionByline } from "@/components/prompts/version-byline";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { VersionView } from "@/lib/prompts/version-view";

type Props = {
  projectSlug: string;
  promptId: string;
  promptType: "TEXT" | "CHAT";
  version: VersionView;
  latestVersion: number;
  editorHref: string;
  canEdit: boolean;
  /** Where "Request review" goes; null when the person may not ask for one. */
  requestReviewHref: string | null;
  /** Environments with what they run now; given when the person may deploy. */
  deployTargets: Array<{ slug: string; name: string; protected: boolean; current: number | null }> | null;
};

const noop = () => undefined;

/** One saved version, read-only, with "restore into draft" (which replaces your draft, based on the latest version). */
export function VersionReadOnly({
  projectSlug,
  promptId,
  promptType,
  version,
  latestVersion,
  editorHref,
  canEdit,
  requestReviewHref,
  deployTargets,
}: Props) {
  const router = useRouter();
  const { busy, error, run } = useRequest();
  async function restore() {
    const saved = await run(
      () =>
        apiFetch(`/api/projects/${projectSlug}/prompts/${promptId}/draft`, {
          method: "PUT",
          body: { baseVersion: latestVersion, content: version.content },
        }),
      { navigating: true },
    );
    if (!saved) return;
    router.push(editorHref);
    router.refresh();
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-muted">
          Version {version.number}: “{version.message}” by {versionByline(version)}. Read-only.
        </p>
        {requestReviewHref ? (
          <Link href={requestReviewHref} className={buttonClass("secondary", "ml-auto")}>
            Request review
          </Link>
        ) : null}
        {canEdit ? (
          <Button variant="secondary" className={requestReviewHref ? "" : "ml-auto"} busy={busy} onClick={restore}>
            Restore into draft
          </Button>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {deployTargets ? (
        <DeployControl
          projectSlug={projectSlug}
          promptId={promptId}
          version={version.number}
          environments={deployTargets}
        />
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <div className="min-w-0">
          {promptType === "CHAT" ? (
            <MessageList
              messages={version.content.messages ?? []}
              onChange={noop}
              variables={version.content.contract.variables}
              readOnly
            />
          ) : (
            <TemplateEditor
              value={version.content.template ?? ""}
              onChange={noop}
              variables={version.content.contract.variables}
              ariaLabel={`Version ${version.number}`}
              readOnly
              minHeight={200}
            />
          )}
        </div>
        <aside className="space-y-6">
          <ContractPanel contract={version.content.contract} onChange={noop} readOnly />
          <ModelSettingsPanel config={version.content.modelConfig} onChange={noop} readOnly />
        </aside>
      </div>
    </div>
  );
}
