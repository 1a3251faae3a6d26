"use client";

import { Maximize2, Minimize2, RotateCcw, Save } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { EarlierDraftNotice } from "@/components/collab/earlier-draft-notice";
import {
  addMessage,
  moveMessage,
  removeMessage,
  setMessageRole,
  setPlaceholderName,
} from "@/components/collab/live-messages";
import { LiveRefusal, LiveStatus } from "@/components/collab/live-status";
import { LiveTextarea } from "@/components/collab/live-textarea";
import { PresenceAvatars } from "@/components/collab/presence-avatars";
import { RemoteCursorStyles } from "@/components/collab/remote-cursor-styles";
import { sameContent } from "@/components/collab/same-content";
import { useLiveDocument } from "@/components/collab/use-live-document";
import { distinctPeople, useLivePeople } from "@/components/collab/use-live-people";
import { useWorkingCopy } from "@/components/collab/use-working-copy";
import { useRegisterCommands, type Command } from "@/components/command-palette/command-registry";
import { RUN_EVENT, TemplateEditor } from "@/components/editor/template-editor";
import { ConflictPanel, type Conflict } from "@/components/prompts/conflict-panel";
import { ContractPanel } from "@/components/prompts/contract-panel";
import { EditorPanes } from "@/components/prompts/editor-panes";
import { saveEditorPrefs, type EditorPrefs, type FoldableSection } from "@/components/prompts/editor-prefs";
import { MessageList, type MessageEdits } from "@/components/prompts/message-list";
import { ModelSettingsPanel } from "@/components/prompts/model-settings-panel";
import { SaveVersionDialog } from "@/components/prompts/save-version-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FoldSection } from "@/components/ui/fold-section";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import { docParts, promptDocName, writeModelConfig, writeVariable, type LastSave } from "@/lib/collab/prompt-doc";
import type { PromptDetail } from "@/lib/collab/storage/get-prompt-detail";
import type { RunView } from "@/lib/playground/list-runs";
import type { TestCaseView } from "@/lib/playground/test-cases";
import type { VersionSummary, VersionView } from "@/lib/prompts/version-view";
import type { ProviderView } from "@/lib/providers/provider-view";
import type { PromptContent } from "@/lib/validations/prompt";

type Props = {
  projectSlug: string;
  prompt: PromptDetail;
  promptNames: string[];
  /** The person looking: their cursor and avatar carry this name. */
  user: { id: string; name: string };
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

// How long saving waits for the last edits to reach the server before saying so.
const SYNC_WAIT_MS = 10_000;

/**
 * The prompt editor on the prompt's one shared working copy: the text (or messages) in Monaco, the
 * variables it takes, the model settings and the description, edited live with everyone who has
 * the prompt open (lib/collab/prompt-doc.ts). Ctrl/Cmd+S saves the copy as the next version.
 */
export function PromptEditor({
  projectSlug,
  prompt,
  promptNames,
  user,
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
  const live = useLiveDocument({
    documentName: promptDocName(prompt.id),
    initialState: prompt.working.state,
    user,
  });
  const { doc, awareness } = live;
  const editable = canEdit && !live.readOnly;
  // The document announces every saved version to everyone, this tab included, before or after
  // this tab's own save request has its answer: announcements that arrive while it is on its way
  // wait for it, and versions this tab saved are not announced again.
  const saving = useRef<LastSave[] | null>(null);
  const mySaves = useRef(new Set<number>());
  const announce = useCallback((save: LastSave) => {
    if (!mySaves.current.has(save.version)) toast.success(`${save.by} saved version ${save.version}.`);
  }, []);
  const onLastSave = useCallback(
    (save: LastSave) => {
      router.refresh();
      if (saving.current) saving.current.push(save);
      else announce(save);
    },
    [router, announce],
  );
  const { copy, messages, flush } = useWorkingCopy(doc, onLastSave);
  const content = copy.content;
  const people = useLivePeople(awareness);

  const [dialogOpen, setDialogOpen] = useState(false);
  const [syncing, setSyncing] = useState(false);
  // Set when "Request review" opened the save dialog: after saving, go on to the review form.
  const [reviewAfterSave, setReviewAfterSave] = useState(false);
  // "Keep mine" after a conflict: the next save is based on the version that conflicted.
  const [saveBase, setSaveBase] = useState<number | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [resetError, setResetError] = useState<string>();
  const newReviewHref = useCallback(
    (version: number) => `/p/${projectSlug}/reviews/new?prompt=${prompt.id}&version=${version}`,
    [projectSlug, prompt.id],
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const references = useMemo(() => promptNames.filter((n) => n !== prompt.name), [promptNames, prompt.name]);
  const baseVersion = copy.baseVersion;
  const baseContent = useVersionContent(api, baseVersion);
  // null while the base version loads: nothing is offered that needs to know.
  const hasChanges = !baseVersion ? true : baseContent ? !sameContent(baseContent, content) : null;

  const openSave = useCallback(() => editable && setDialogOpen(true), [editable]);
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
    if (hasChanges !== false) {
      setReviewAfterSave(true);
      setDialogOpen(true);
    } else router.push(newReviewHref(baseVersion));
  }, [hasChanges, baseVersion, router, newReviewHref]);

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
      ...(editable
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
      ...(canRequestReview && editable
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
    [editable, canRun, providers.length, canRequestReview, production, latest, openSave, requestReview, router, here],
  );
  useRegisterCommands(commands);

  /** The working copy := a version, for everyone (answers the problem, or null). */
  async function resetTo(version: number): Promise<string | null> {
    try {
      await apiFetch<{ baseVersion: number }>(`${api}/live/reset`, { body: { version } });
      setSaveBase(null);
      return null;
    } catch (e) {
      return (e as ApiError).message;
    }
  }

  async function discard() {
    if (!latest) return;
    setResetting(true);
    const problem = await resetTo(latest);
    setResetting(false);
    setResetError(problem ?? undefined);
    if (!problem) {
      setConfirmDiscard(false);
      toast.success(`The working copy is version ${latest} again.`);
    }
  }

  /** Resolves once every edit made here has reached the server (false: not within the wait). */
  async function waitForSync(): Promise<boolean> {
    const until = Date.now() + SYNC_WAIT_MS;
    while (!live.isSynced()) {
      if (Date.now() > until) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }

  async function save(message: string): Promise<string | null> {
    setSyncing(true);
    const synced = await waitForSync();
    setSyncing(false);
    if (!synced) {
      return "Your latest changes have not reached the server yet, so they would be missing from the version. Save again once the status says “All changes saved”.";
    }
    saving.current = [];
    try {
      const saved = await apiFetch<VersionSummary>(`${api}/live/save`, {
        body: { message, baseVersion: saveBase ?? baseVersion },
      });
      mySaves.current.add(saved.number);
      setDialogOpen(false);
      setSaveBase(null);
      const coAuthors = saved.coAuthors.map((a) => a.name);
      toast.success(`Saved version ${saved.number}.${coAuthors.length ? ` Co-authors: ${coAuthors.join(", ")}.` : ""}`);
      if (reviewAfterSave) router.push(newReviewHref(saved.number));
      else router.refresh();
      return null;
    } catch (e) {
      const error = e as ApiError;
      if (error.status === 409) {
        const current = await apiFetch<{ latestVersion: VersionSummary | null }>(api);
        if (current.latestVersion) {
          const version = await apiFetch<VersionView>(`${api}/versions/${current.latestVersion.number}`);
          setConflict({ version, content: version.content });
        }
        setDialogOpen(false);
        return null;
      }
      return Object.values(error.fields).join(" ") || error.message;
    } finally {
      const heard = saving.current;
      saving.current = null;
      for (const save of heard ?? []) announce(save);
    }
  }

  const messageEdits = useMemo<MessageEdits | undefined>(
    () =>
      editable
        ? {
            setRole: (i, role) => setMessageRole(doc, i, role),
            setPlaceholderName: (i, name) => setPlaceholderName(doc, i, name),
            add: () => addMessage(doc),
            remove: (i) => removeMessage(doc, i),
            move: (i, by) => moveMessage(doc, i, by),
          }
        : undefined,
    [doc, editable],
  );
  const parts = useMemo(() => docParts(doc), [doc]);

  const promptPane = (
    <>
      {prompt.type === "CHAT" ? (
        <MessageList
          messages={messages}
          edits={messageEdits}
          awareness={awareness}
          variables={content.contract.variables}
          prompts={references}
          onSave={openSave}
        />
      ) : (
        <TemplateEditor
          value={content.template ?? ""}
          onChange={noop}
          live={{ text: parts.template, awareness }}
          variables={content.contract.variables}
          prompts={references}
          ariaLabel="Prompt template"
          readOnly={!editable}
          onSave={openSave}
          minHeight={320}
        />
      )}
      <FoldSection title="Variables" summary={`${content.contract.variables.length || "none"}`} {...fold("variables")}>
        <ContractPanel
          contract={content.contract}
          onVariable={editable ? (spec) => writeVariable(doc, spec) : undefined}
        />
      </FoldSection>
      <FoldSection title="Model settings" summary={content.modelConfig.model} {...fold("model")}>
        <ModelSettingsPanel
          config={content.modelConfig}
          readOnly={!editable}
          onChange={(modelConfig) => writeModelConfig(doc, modelConfig)}
        />
      </FoldSection>
      <label className="block space-y-1 text-xs text-muted">
        Description
        <LiveTextarea
          text={parts.description}
          aria-label="Description"
          disabled={!editable}
          maxLength={2000}
          rows={2}
          placeholder="What this prompt is for (shown in the prompt list)"
          className="block w-full rounded border border-line bg-surface px-2 py-1 text-sm text-ink"
        />
      </label>
    </>
  );

  return (
    <div
      data-testid="prompt-editor"
      data-focus-mode={focus || undefined}
      className={focus ? "fixed inset-0 z-40 space-y-3 overflow-auto bg-canvas p-4" : "space-y-4"}
      onKeyDownCapture={(e) => {
        live.markActive();
        // Run (Ctrl/Cmd+Enter) and save read the copy as it is now, not as last read while typing.
        if ((e.metaKey || e.ctrlKey) && (e.key === "Enter" || e.key.toLowerCase() === "s")) flush();
      }}
      onPointerDownCapture={() => {
        live.markActive();
        flush();
      }}
    >
      <RemoteCursorStyles people={people} />
      <div className="flex flex-wrap items-center gap-2">
        <LiveStatus session={live.session} readOnly={!editable} baseVersion={baseVersion} />
        <PresenceAvatars people={distinctPeople(people).filter((p) => !p.self)} label="Also editing" />
        {focus ? <span className="text-xs text-muted">· {prompt.name} · Esc leaves focus mode</span> : null}
        <div className="ml-auto flex flex-wrap gap-2">
          {editable && latest && hasChanges ? (
            <Button variant="ghost" icon={RotateCcw} onClick={() => setConfirmDiscard(true)}>
              Discard changes
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
          {canRequestReview && editable ? (
            <Button
              variant="secondary"
              title={
                hasChanges !== false
                  ? "Saves the working copy as a version, then asks for a review"
                  : `Ask for a review of v${baseVersion}`
              }
              onClick={requestReview}
            >
              Request review
            </Button>
          ) : null}
          {editable ? (
            <Button onClick={openSave} title="Ctrl/Cmd+S" icon={Save}>
              Save version <kbd className="rounded border border-white/30 px-1 text-[10px]">⌘S</kbd>
            </Button>
          ) : null}
        </div>
      </div>
      <LiveRefusal session={live.session} openedToEdit={canEdit} />
      {prompt.working.earlierDraft ? (
        <EarlierDraftNotice
          draftUrl={`${api}/draft`}
          draft={prompt.working.earlierDraft}
          doc={doc}
          canEdit={editable}
        />
      ) : null}
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          mine={content}
          onKeepMine={() => {
            setSaveBase(conflict.version.number);
            setConflict(null);
            setDialogOpen(true);
          }}
          onTakeTheirs={async () => {
            const problem = await resetTo(conflict.version.number);
            if (problem) toast.error(`The working copy was not replaced: ${problem}`);
            else setConflict(null);
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
      {editable ? (
        <SaveVersionDialog
          open={dialogOpen}
          nextNumber={(saveBase ?? baseVersion) + 1}
          syncing={syncing}
          onCancel={() => {
            setDialogOpen(false);
            setReviewAfterSave(false);
          }}
          onSave={save}
        />
      ) : null}
      {latest ? (
        <ConfirmDialog
          open={confirmDiscard}
          onOpenChange={(open) => {
            setConfirmDiscard(open);
            setResetError(undefined);
          }}
          title="Discard the working copy's changes?"
          description={`The working copy goes back to version ${latest} for everyone editing this prompt: their unsaved changes go too. Saved versions stay.`}
          confirmLabel="Discard changes"
          cancelLabel="Keep editing"
          icon={RotateCcw}
          busy={resetting}
          error={resetError}
          onConfirm={discard}
        />
      ) : null}
    </div>
  );
}

const noop = () => undefined;

/** A version's content (null while it loads, or with no version): what "changes" are measured against. */
function useVersionContent(api: string, version: number): PromptContent | null {
  const [loaded, setLoaded] = useState<{ version: number; content: PromptContent } | null>(null);
  useEffect(() => {
    if (!version) return;
    let current = true;
    apiFetch<VersionView>(`${api}/versions/${version}`)
      .then((v) => current && setLoaded({ version, content: v.content }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, version]);
  return loaded?.version === version ? loaded.content : null;
}
