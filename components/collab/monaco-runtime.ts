// What y-monaco imports as `monaco-editor/esm/vs/editor/editor.api.js` (next.config.js aliases it
// here). Galley loads Monaco once, as its AMD build from our own origin (components/editor);
// letting y-monaco pull in the ESM build would ship and start a second 4 MB copy of the editor.
// y-monaco only needs three of its values, and only once an editor exists: they are taken from
// the Monaco that made that editor (provideMonaco, called before a binding is created).
import type * as Monaco from "monaco-editor";

let api: typeof Monaco | null = null;

/** Hands y-monaco the Monaco instance the editors were made with. */
export function provideMonaco(monaco: typeof Monaco) {
  api = monaco;
}

function loaded(): typeof Monaco {
  if (!api) throw new Error("y-monaco was used before Monaco was loaded (call provideMonaco first).");
  return api;
}

/** Forwards construction and static calls (Selection.createWithDirection) to the loaded class. */
function forward<K extends "Selection" | "Range">(name: K): (typeof Monaco)[K] {
  return new Proxy(function () {} as unknown as (typeof Monaco)[K], {
    construct: (_target, args) => Reflect.construct(loaded()[name], args),
    get: (_target, key) => Reflect.get(loaded()[name], key),
  });
}

export const Selection = forward("Selection");
export const Range = forward("Range");
export const SelectionDirection = new Proxy({} as typeof Monaco.SelectionDirection, {
  get: (_target, key) => Reflect.get(loaded().SelectionDirection, key),
});
