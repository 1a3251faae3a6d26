// The style sheet that paints other people's cursors and selections in Monaco. y-monaco marks a
// remote selection with the classes yRemoteSelection-<clientID> and yRemoteSelectionHead-<clientID>
// (node_modules/y-monaco/src/y-monaco.js); this gives each its person's colour and a name label.

/** The part of an awareness state this sheet reads. */
export type CursorOwner = { clientId: number; name: string; color: string };

const hexColor = /^#[0-9a-f]{6}$/i;

/** A name as a CSS string literal: quotes, backslashes and line breaks escaped, so no name can end the rule. */
export function cssString(value: string): string {
  const escaped = [...value.slice(0, 40)]
    .map((ch) => (/["\\\n\r\f]/.test(ch) || ch.charCodeAt(0) < 32 ? `\\${ch.charCodeAt(0).toString(16)} ` : ch))
    .join("");
  return `"${escaped}"`;
}

/** One rule set per remote person; a client id that is not an integer or a colour that is not #rrggbb is skipped. */
export function remoteCursorCss(owners: CursorOwner[]): string {
  return owners
    .filter((o) => Number.isSafeInteger(o.clientId) && o.clientId >= 0 && hexColor.test(o.color))
    .map(
      ({ clientId, name, color }) =>
        `.yRemoteSelection-${clientId}{background-color:${color}33}` +
        `.yRemoteSelectionHead-${clientId}{border-color:${color}}` +
        `.yRemoteSelectionHead-${clientId}::after{content:${cssString(name)};background-color:${color}}`,
    )
    .join("\n");
}

/** What every remote cursor shares: a 2 px caret, and the name above it on a coloured tag. */
export const REMOTE_CURSOR_BASE_CSS = `
.yRemoteSelectionHead{position:absolute;height:100%;box-sizing:border-box;border-left:2px solid}
.yRemoteSelectionHead::after{position:absolute;left:-2px;top:-14px;padding:0 4px;border-radius:3px 3px 3px 0;
font:600 10px/14px system-ui,sans-serif;color:#fff;white-space:nowrap;pointer-events:none;z-index:10}`;
