"use client";

import { useEffect, useLayoutEffect, useRef, useState, type TextareaHTMLAttributes } from "react";
import type * as Y from "yjs";

import { changedRange, moveCaret, type TextDelta } from "@/components/collab/text-diff-range";

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "defaultValue" | "onChange"> & {
  /** The shared text this box edits. */
  text: Y.Text;
};

/**
 * A textarea that edits a shared Y.Text: each change is sent as the range that changed, and
 * others' changes arrive without moving the caret away from where the person is typing.
 */
export function LiveTextarea({ text, maxLength, ...props }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(() => text.toString());
  const caret = useRef<[number, number] | null>(null);
  const origin = useRef(Symbol("live textarea"));

  useEffect(() => {
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin.current) return;
      const box = ref.current;
      if (box && document.activeElement === box) {
        const delta = event.delta as TextDelta;
        caret.current = [moveCaret(box.selectionStart, delta), moveCaret(box.selectionEnd, delta)];
      }
      setValue(text.toString());
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  useLayoutEffect(() => {
    if (caret.current && ref.current) ref.current.setSelectionRange(...caret.current);
    caret.current = null;
  }, [value]);

  return (
    <textarea
      {...props}
      ref={ref}
      value={value}
      maxLength={maxLength}
      onChange={(e) => {
        const next = e.target.value;
        const range = changedRange(text.toString(), next);
        text.doc?.transact(() => {
          if (range.remove) text.delete(range.index, range.remove);
          if (range.insert) text.insert(range.index, range.insert);
        }, origin.current);
        setValue(next);
      }}
    />
  );
}
