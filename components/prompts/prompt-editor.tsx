"use client";

import { Maximize2, Minimize2, Save, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";

import { useRegisterCommands, type Command } from "@/components/command-palette/command-registry";
import { RUN_EVENT, TemplateEditor } from "@/components/editor/template-editor";
import { ConflictPanel, type Conflict } from "@/components/prompts/conflict-panel";
import { ContractPanel } from "@/components/prompts/contract-panel";
import { EditorPanes } from "@/components/prompts/editor-panes";
import { saveEditorPrefs, type EditorPrefs, type FoldableSection } from "@/components/prompts/editor-prefs";
import { MessageList } from "@/components/prompts/message-list";
import { ModelSettingsPanel } from "@/components/prompts/model-settings-panel";
import { SaveVersionDialog } from "@/components/prompts/save-version-dialog";
import { useDraftAutosave, type SaveState } from "@/components/prompts/use-draft-autosave";
import { Button } from "@/components/ui/button";
import { FoldSection } from "@/components/ui/fold-section";
import { toast } from "@/components/ui/lazy-toast";
import { Time } from "@/components/ui/time";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import type { PromptDetail } from "@/lib/collab/storage/get-prompt-detail";
import type { RunView } from "@/lib/playground/list-runs";
import type { TestCaseView } from "@/lib/playground/test-cases";
import { contractFor } from "@/lib/prompts/prompt-text";
import type { VersionSummary, VersionView } from "@/lib/prompts/version-view";
import type { ProviderView } from "@/lib/providers/provider-view";
import type { ChatMessage, ModelConfig, PromptContent } from "@/lib/validations/prompt";

type Props = {
  projectSlug: string;
  prompt: PromptDetail;
  promptNames: string[];
  canEdit: boolean;
  canRun: boolean;
  providers: ProviderView[];
  canManageProviders: boolean;
  /** A stored run to reopen: its values, source, provider and model fill the playground. */
  reopen?: RunView | null;
  testCases: TestCaseView[];
  /** May ask for a review (the button saves unsaved edits as a version first). */
  canRequestReview: boolean;
  /** The prompt page's path (tabs add `?view=…`). */
  here: string;
  /** Environment slug → the version of this prompt it runs. */
  running: Record<string, number>;
  /** Pane sizes and folded sections this browser remembers. */
  prefs: EditorPrefs;
};

// Client-only: it restores the values last used for this prompt from localStorage. Until then a
// placeholder holds the pane's top so the toolbar does not jump.
const RunPanel = dynamic(() => import("@/components/playground/run-panel").then((m) => m.RunPanel), {
  ssr: false,
  loading: () => <div className="h-64 animate-pulse rounded-lg border border-line bg-surface" aria-hidden="true" />,
});

/** Ctrl/Cmd+Shift+F: the editor fills the window (Esc leaves). */
const isFocusKey = (e: KeyboardEvent) => (e.metaKey || e.ctrlKey) && e.shiftKey && e.key.toLowerCase() === "f";

/**
 * The prompt editor: the text (or messages) in Monaco, the variables it takes, the model settings.
 * Edits autosave to the person's draft; Ctrl/Cmd+S saves the next version with a message.
 */
export function PromptEditor({
  projectSlug,
  prompt,
  promptNames,
  canEdit,
  canRun,
  providers,
  canManageProviders,
  reopen,
  testCases,
  canRequestReview,
  here,
  running,
  prefs: initialPrefs,
}: Props) {
  const router = useRouter();
  const api = `/api/projects/${projectSlug}/prompts/${prompt.id}`;
  const [content, setContent] = useState<PromptContent>(prompt.working.content);
  const [baseVersion, setBaseVersion] = useState(prompt.working.baseVersion);
  const [revision, setRevision] = useState(0);
  // Bumped when the text is replaced from outside the editors (taking the other version), to remount them.
  const [epoch, setEpoch] = useState(0);
  // Interim (helper S): private drafts are gone; the live editor (helper C) replaces this autosave.
  const [hasDraft, setHasDraft] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  // Set when "Request review" opened the save dialog: after saving, go on to the review form.
  const [reviewAfterSave, setReviewAfterSave] = useState(false);
  const newReviewHref = useCallback(
    (version: number) => `/p/${projectSlug}/reviews/new?prompt=${prompt.id}&version=${version}`,
    [projectSlug, prompt.id],
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const references = useMemo(() => promptNames.filter((n) => n !== prompt.name), [promptNames, prompt.name]);
  const autosave = useDraftAutosave({
    url: `${api}/draft`,
    content,
    baseVersion,
    revision,
    enabled: canEdit,
    initialSavedAt: null,
  });

  const edit = useCallback((patch: Partial<PromptContent>) => {
    setContent((c) => {
      const next = { ...c, ...patch };
      return { ...next, contract: contractFor(next) };
    });
    setRevision((r) => r + 1);
    setHasDraft(true);
  }, []);

  const openSave = useCallback(() => canEdit && setDialogOpen(true), [canEdit]);
  const [focus, setFocus] = useState(false);
  const [prefs, setPrefs] = useState(initialPrefs);
  const updatePrefs = (patch: Partial<EditorPrefs>) => {
    const next = { ...prefs, ...patch };
    setPrefs(next);
    saveEditorPrefs(next);
  };
  const fold = (section: FoldableSection) => ({
    open: !prefs.closed.includes(section),
    onOpenChange: (open: boolean) =>
      updatePrefs({ closed: open ? prefs.closed.filter((s) => s !== section) : [...prefs.closed, section] }),
  });

  const requestReview = useCallback(() => {
    if (hasDraft || !baseVersion) {
      setReviewAfterSave(true);
      setDialogOpen(true);
    } else router.push(newReviewHref(baseVersion));
  }, [hasDraft, baseVersion, router, newReviewHref]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.shiftKey && e.key.toLowerCase() === "s") {
        e.preventDefault();
        openSave();
      } else if (isFocusKey(e)) {
        e.preventDefault();
        setFocus((f) => !f);
      } else if (e.key === "Escape" && !e.defaultPrevented && !document.querySelector("[role=dialog]")) {
        // Monaco claims Esc for itself (closing a suggestion) before it gets here; an open dialog
        // (saving, the command palette) is closed by it and focus mode stays.
        setFocus(false);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openSave]);

  const production = running.production;
  const latest = prompt.latestVersion?.number;
  const commands = useMemo<Command[]>(
    () => [
      ...(canEdit
        ? [{ id: "prompt.save", label: "Save version", group: "Prompt", shortcut: "⌘S", run: openSave }]
        : []),
      ...(canRun && providers.length
        ? [
            {
              id: "prompt.run",
              label: "Run",
              group: "Prompt",
              shortcut: "⌘↵",
              keywords: ["playground", "try"],
              run: () => window.dispatchEvent(new Event(RUN_EVENT)),
            },
          ]
        : []),
      ...(canRequestReview && canEdit
        ? [{ id: "prompt.request-review", label: "Request review", group: "Prompt", run: requestReview }]
        : []),
      ...(production && latest
        ? [
            {
              id: "prompt.compare-production",
              label: "Compare with production",
              group: "Prompt",
              keywords: ["diff"],
              run: () => router.push(`${here}?view=compare&a=${production}&b=${latest}`),
            },
          ]
        : []),
      {
        id: "prompt.focus",
        label: "Toggle focus mode",
        group: "Prompt",
        shortcut: "⌘⇧F",
        keywords: ["zen", "full screen"],
        run: () => setFocus((f) => !f),
      },
    ],
    [canEdit, canRun, providers.length, canRequestReview, production, latest, openSave, requestReview, router, here],
  );
  useRegisterCommands(commands);

  async function discard() {
    try {
      await apiFetch(`${api}/draft`, { method: "DELETE" });
    } catch (e) {
      // The reload below would show the draft again with no word why: say so first.
      toast.error(`Draft not discarded: ${(e as ApiError).message}`);
      return;
    }
    window.location.reload();
  }

  const promptPane = (
    <>
      <div key={epoch}>
        {prompt.type === "CHAT" ? (
          <MessageList
            messages={content.messages ?? []}
            onChange={(messages: ChatMessage[]) => edit({ messages })}
            variables={content.contract.variables}
            prompts={references}
            readOnly={!canEdit}
            onSave={openSave}
          />
        ) : (
          <TemplateEditor
            value={content.template ?? ""}
            onChange={(template) => edit({ template })}
            variables={content.contract.variables}
            prompts={references}
            ariaLabel="Prompt template"
            readOnly={!canEdit}
            onSave={openSave}
            minHeight={320}
          />
        )}
      </div>
      <FoldSection title="Variables" summary={`${content.contract.variables.length || "none"}`} {...fold("variables")}>
        <ContractPanel contract={content.contract} readOnly={!canEdit} onChange={(contract) => edit({ contract })} />
      </FoldSection>
      <FoldSection title="Model settings" summary={content.modelConfig.model} {...fold("model")}>
        <ModelSettingsPanel
          config={content.modelConfig}
          readOnly={!canEdit}
          onChange={(modelConfig: ModelConfig) => edit({ modelConfig })}
        />
      </FoldSection>
    </>
  );

  return (
    <div
      data-testid="prompt-editor"
      data-focus-mode={focus || undefined}
      className={focus ? "fixed inset-0 z-40 space-y-3 overflow-auto bg-canvas p-4" : "space-y-4"}
    >
      <div className="flex flex-wrap items-center gap-2">
        <SaveStatus state={autosave.state} hasDraft={hasDraft} baseVersion={baseVersion} />
        {focus ? <span className="text-xs text-muted">· {prompt.name} · Esc leaves focus mode</span> : null}
        <div className="ml-auto flex flex-wrap gap-2">
          {hasDraft && canEdit && prompt.latestVersion ? (
            <Button variant="ghost" icon={Trash2} onClick={discard}>
              Discard draft
            </Button>
          ) : null}
          <Button
            variant="ghost"
            icon={focus ? Minimize2 : Maximize2}
            aria-pressed={focus}
            title="Ctrl/Cmd+Shift+F; Esc leaves"
            onClick={() => setFocus((f) => !f)}
          >
            Focus
          </Button>
          {canRequestReview && canEdit ? (
            <Button
              variant="secondary"
              title={
                hasDraft || !baseVersion
                  ? "Saves your changes as a version, then asks for a review"
                  : `Ask for a review of v${baseVersion}`
              }
              onClick={requestReview}
            >
              Request review
            </Button>
          ) : null}
          {canEdit ? (
            <Button onClick={openSave} title="Ctrl/Cmd+S" icon={Save}>
              Save version <kbd className="rounded border border-white/30 px-1 text-[10px]">⌘S</kbd>
            </Button>
          ) : null}
        </div>
      </div>
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          mine={content}
          onKeepMine={() => {
            setBaseVersion(conflict.version.number);
            setConflict(null);
            setRevision((r) => r + 1);
            setDialogOpen(true);
          }}
          onTakeTheirs={() => {
            setContent(conflict.content);
            setEpoch((e) => e + 1);
            setBaseVersion(conflict.version.number);
            setConflict(null);
            setRevision((r) => r + 1);
          }}
        />
      ) : null}
      <EditorPanes
        focus={focus}
        layout={prefs.panes}
        onLayout={(panes) => updatePrefs({ panes })}
        prompt={promptPane}
        run={
          canRun ? (
            <RunPanel
              projectSlug={projectSlug}
              promptId={prompt.id}
              content={content}
              latestVersion={Math.max(baseVersion, prompt.latestVersion?.number ?? 0)}
              providers={providers}
              canManageProviders={canManageProviders}
              reopen={reopen ?? null}
              testCases={testCases}
            />
          ) : null
        }
      />
      {canEdit ? (
        <SaveVersionDialog
          open={dialogOpen}
          nextNumber={baseVersion + 1}
          onCancel={() => {
            setDialogOpen(false);
            setReviewAfterSave(false);
          }}
          onSave={async (message) => {
            await autosave.waitForSave();
            try {
              const saved = await apiFetch<VersionSummary>(`${api}/versions`, {
                body: { baseVersion, message, content },
              });
              setDialogOpen(false);
              setBaseVersion(saved.number);
              setHasDraft(false);
              autosave.markClean();
              toast.success(`Saved version ${saved.number}.`);
              if (reviewAfterSave) router.push(newReviewHref(saved.number));
              else router.refresh();
              return null;
            } catch (e) {
              const error = e as ApiError & { details?: unknown };
              if (error.status === 409) {
                const latest = await apiFetch<{ latestVersion: VersionSummary | null }>(api);
                if (latest.latestVersion) {
                  const version = await apiFetch<VersionView>(`${api}/versions/${latest.latestVersion.number}`);
                  setConflict({ version, content: version.content });
                }
                setDialogOpen(false);
                return null;
              }
              return Object.values(error.fields).join(" ") || error.message;
            }
          }}
        />
      ) : null}
    </div>
  );
}

function SaveStatus({ state, hasDraft, baseVersion }: { state: SaveState; hasDraft: boolean; baseVersion: number }) {
  const base = baseVersion ? `based on v${baseVersion}` : "no version yet";
  const text =
    state.kind === "pending" || state.kind === "saving" ? (
      "Saving draft…"
    ) : state.kind === "error" ? (
      `Draft not saved: ${state.message}`
    ) : hasDraft && state.kind === "saved" ? (
      <>
        Draft saved <Time value={state.at} />
      </>
    ) : (
      "No unsaved changes"
    );
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-status"
      className={`text-xs ${state.kind === "error" ? "text-danger" : "text-muted"}`}
    >
      {text} · {base}
    </p>
  );
}
