"use client";

import { RotateCcw } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { TemplateEditor } from "@/components/editor/template-editor";
import { ContractPanel } from "@/components/prompts/contract-panel";
import { DeployControl } from "@/components/prompts/deploy-control";
import { MessageList } from "@/components/prompts/message-list";
import { ModelSettingsPanel } from "@/components/prompts/model-settings-panel";
import { versionByline } from "@/components/prompts/version-byline";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { VersionView } from "@/lib/prompts/version-view";

type Props = {
  projectSlug: string;
  promptId: string;
  promptType: "TEXT" | "CHAT";
  version: VersionView;
  editorHref: string;
  canEdit: boolean;
  /** Where "Request review" goes; null when the person may not ask for one. */
  requestReviewHref: string | null;
  /** Environments with what they run now; given when the person may deploy. */
  deployTargets: Array<{ slug: string; name: string; protected: boolean; current: number | null }> | null;
};

const noop = () => undefined;

/**
 * One saved version, read-only, with "Restore into working copy": the shared working copy takes
 * this version's content, based on the latest version (so saving it makes the next version).
 */
export function VersionReadOnly({
  projectSlug,
  promptId,
  promptType,
  version,
  editorHref,
  canEdit,
  requestReviewHref,
  deployTargets,
}: Props) {
  const router = useRouter();
  const { busy, error, run } = useRequest();
  const [confirming, setConfirming] = useState(false);
  async function restore() {
    const saved = await run(
      () =>
        apiFetch(`/api/projects/${projectSlug}/prompts/${promptId}/live/reset`, {
          body: { version: version.number },
        }),
      { navigating: true },
    );
    setConfirming(false);
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
          <Button
            variant="secondary"
            className={requestReviewHref ? "" : "ml-auto"}
            busy={busy}
            onClick={() => setConfirming(true)}
          >
            Restore into working copy
          </Button>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Restore version ${version.number} into the working copy?`}
        description="The shared working copy takes this version's text, variables and model settings, for everyone editing the prompt: changes not saved as a version are replaced. Saving it then makes the next version."
        confirmLabel="Restore"
        cancelLabel="Keep the working copy"
        icon={RotateCcw}
        busy={busy}
        onConfirm={restore}
      />
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
              messages={(version.content.messages ?? []).map((message, i) => ({ key: String(i), message }))}
              variables={version.content.contract.variables}
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
          <ContractPanel contract={version.content.contract} />
          <ModelSettingsPanel config={version.content.modelConfig} onChange={noop} readOnly />
        </aside>
      </div>
    </div>
  );
}
