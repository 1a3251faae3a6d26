"use client";

import { useRouter } from "next/navigation";

import { TextDiff } from "@/components/editor/text-diff";
import { ChangeLists } from "@/components/prompts/change-lists";
import type { ConfigChange } from "@/lib/prompts/diff-model-config";
import type { ContractChange } from "@/lib/templates/diff-contracts";

type Props = {
  here: string;
  latest: number;
  a: number;
  b: number;
  originalText: string;
  modifiedText: string;
  configChanges: ConfigChange[];
  contractChanges: ContractChange[];
};

/** Any two versions side by side: text (or messages), model settings and contract. The URL is shareable. */
export function CompareView(props: Props) {
  const router = useRouter();
  const numbers = Array.from({ length: props.latest }, (_, i) => props.latest - i);
  const go = (a: number, b: number) => router.push(`${props.here}?view=compare&a=${a}&b=${b}`);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        Compare
        <select
          aria-label="From version"
          value={props.a}
          onChange={(e) => go(Number(e.target.value), props.b)}
          className="rounded border border-line bg-surface px-2 py-1"
        >
          {numbers.map((n) => (
            <option key={n} value={n}>
              v{n}
            </option>
          ))}
        </select>
        with
        <select
          aria-label="To version"
          value={props.b}
          onChange={(e) => go(props.a, Number(e.target.value))}
          className="rounded border border-line bg-surface px-2 py-1"
        >
          {numbers.map((n) => (
            <option key={n} value={n}>
              v{n}
            </option>
          ))}
        </select>
      </div>
      <TextDiff
        original={props.originalText}
        modified={props.modifiedText}
        originalLabel={`v${props.a}`}
        modifiedLabel={`v${props.b}`}
      />
      <ChangeLists configChanges={props.configChanges} contractChanges={props.contractChanges} />
    </div>
  );
}
