"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { clickLeavesPage } from "@/components/ui/unsaved-changes-navigation";

const LEAVE_QUESTION = "You have unsaved changes on this page. Leave and lose them?";

// One set of listeners for the whole page, however many forms are dirty, so leaving asks once.
const dirtyForms = new Set<object>();
let leavingConfirmed = false;

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (leavingConfirmed) return;
  event.preventDefault();
  // Chromium before 119 and Safari still want returnValue set; the browser shows its own words.
  event.returnValue = "";
}

// App Router has no route-change event to cancel, so a click on a link is caught in the capture
// phase, before next/link's handler on the React root sees it.
function onClickCapture(event: MouseEvent) {
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement)) return;
  const leaves = clickLeavesPage({
    href: anchor.href,
    current: window.location.href,
    target: anchor.target,
    download: anchor.hasAttribute("download"),
    button: event.button,
    modified: event.metaKey || event.ctrlKey || event.shiftKey || event.altKey,
    handled: event.defaultPrevented,
  });
  if (!leaves) return;
  if (window.confirm(LEAVE_QUESTION)) {
    // A plain <a> reloads the page: the browser must not ask a second time.
    leavingConfirmed = true;
    setTimeout(() => (leavingConfirmed = false), 1000);
    return;
  }
  event.preventDefault();
  event.stopPropagation();
}

/**
 * For navigation started in code rather than by a link (a command palette, a keyboard shortcut):
 * true when nothing is unsaved or the person agreed to lose it.
 */
export function confirmLeavingUnsaved(): boolean {
  return dirtyForms.size === 0 || window.confirm(LEAVE_QUESTION);
}

/**
 * While `dirty`, leaving the page asks first: closing or reloading the tab (the browser's own
 * question) and following a link inside the studio. Programmatic navigation (router.push after a
 * save) is not asked about: the code that saves knows the changes are kept; other code that
 * navigates asks `confirmLeavingUnsaved()` first.
 */
export function useUnsavedChanges(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const token = {};
    if (dirtyForms.size === 0) {
      window.addEventListener("beforeunload", onBeforeUnload);
      document.addEventListener("click", onClickCapture, true);
    }
    dirtyForms.add(token);
    return () => {
      dirtyForms.delete(token);
      if (dirtyForms.size === 0) {
        window.removeEventListener("beforeunload", onBeforeUnload);
        document.removeEventListener("click", onClickCapture, true);
      }
    };
  }, [dirty]);
}

function formValues(form: HTMLFormElement) {
  return JSON.stringify([...new FormData(form)].filter(([, value]) => typeof value === "string"));
}

/**
 * Tracks whether a form's named fields differ from what was last saved, and guards leaving while
 * they do. Spread `formProps` on the <form>; call `markSaved()` once a save succeeded (after any
 * `form.reset()`). Typing a value back to what it was makes the form clean again.
 */
export function useFormChanges() {
  const form = useRef<HTMLFormElement | null>(null);
  const saved = useRef<string | null>(null);
  const [dirty, setDirty] = useState(false);
  // A callback ref: the form may appear after the component (an Edit button), and go again.
  const ref = useCallback((element: HTMLFormElement | null) => {
    form.current = element;
    saved.current = element ? formValues(element) : null;
    if (!element) setDirty(false);
  }, []);
  const check = useCallback(() => {
    if (form.current && saved.current !== null) setDirty(formValues(form.current) !== saved.current);
  }, []);
  const markSaved = useCallback(() => {
    if (form.current) saved.current = formValues(form.current);
    setDirty(false);
  }, []);
  useUnsavedChanges(dirty);
  // A reset event fires before the fields go back to their defaults: look once they have.
  const onReset = useCallback(() => void setTimeout(check), [check]);
  return { dirty, markSaved, formProps: { ref, onChange: check, onReset } };
}
