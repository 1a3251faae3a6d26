"use client";

import type { ReactNode } from "react";
import { Group, Panel, Separator, type Layout } from "react-resizable-panels";

/** Options for {@link EditorPanes}. */
type Props = {
  /** The prompt's text or messages, variables and model settings. */
  prompt: ReactNode;
  /** The playground; without it the prompt takes the whole width. */
  run: ReactNode | null;
  /** Sizes remembered for this browser (pane id → percent); null: the default split. */
  layout: Record<string, number> | null;
  /** Called when the person resized the panes (mouse or keyboard), with the sizes to remember. */
  onLayout: (layout: Layout) => void;
  /** Focus mode: the panes fill the window instead of the page's content area. */
  focus: boolean;
};

// Wide screens (lg and up): the panes fill the window below the prompt's header and each scrolls
// on its own, so the run output stays in view while the text is long. Narrower: the library's
// inline flex styles are overridden (hence the !important classes) to stack the panes in the
// page's flow, with no separator, so nothing is squeezed sideways on a phone.
const stacked =
  "max-lg:!h-auto max-lg:!flex-col max-lg:!overflow-visible max-lg:[&>[data-panel]]:!basis-auto max-lg:[&>[data-panel]]:!max-h-none";
const paneBody = "space-y-5 max-lg:!max-h-none max-lg:!overflow-visible";

/** The Editor tab's two panes, prompt beside playground, resizable with the mouse or the keyboard. */
export function EditorPanes({ prompt, run, layout, onLayout, focus }: Props) {
  if (!run) return <div className="space-y-5">{prompt}</div>;
  return (
    <Group
      id="prompt-editor-panes"
      orientation="horizontal"
      defaultLayout={layout ?? undefined}
      onLayoutChanged={(next, meta) => {
        if (meta.isUserInteraction) onLayout(meta.requestedLayout ?? next);
      }}
      className={`${focus ? "lg:!h-[calc(100dvh-5rem)]" : "lg:!h-[max(28rem,calc(100dvh-17rem))]"} ${stacked}`}
    >
      <Panel id="prompt" defaultSize="56%" minSize="30%" className={`lg:pr-3 ${paneBody}`}>
        {prompt}
      </Panel>
      <Separator
        id="prompt-editor-separator"
        aria-label="Resize the prompt and run panes"
        className="w-1.5 shrink-0 rounded bg-line transition-colors outline-none data-[separator=active]:bg-accent data-[separator=focus]:bg-accent data-[separator=hover]:bg-accent max-lg:hidden"
      />
      <Panel id="run" defaultSize="44%" minSize="25%" className={`max-lg:mt-6 lg:pl-3 ${paneBody}`}>
        {run}
      </Panel>
    </Group>
  );
}
