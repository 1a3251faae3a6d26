// A local prompt file against what Galley runs: a unified diff of the two files as `galley pull`
// would write them (text, settings, contract, description, tags), and the contract's changes with
// the breaking ones marked, as reviewers see them in the studio.
import { createTwoFilesPatch } from "diff";

import { diffContracts, type ContractChange } from "../../lib/templates/diff-contracts";
import { formatPromptFile, sameContent, type LocalPrompt } from "../../lib/transfer/prompt-file";

export type PromptDiff = {
  name: string;
  /** new: Galley has nothing to compare with; changed: content differs; details: only description or tags. */
  status: "new" | "changed" | "details" | "same";
  patch: string;
  contractChanges: ContractChange[];
};

export function diffPrompt(opts: {
  local: Omit<LocalPrompt, "message">;
  remote: Omit<LocalPrompt, "message"> | null;
  /** The patch's header lines: e.g. "support/reply in production (v4)" and the file's path. */
  remoteLabel: string;
  localLabel: string;
}): PromptDiff {
  const { local, remote } = opts;
  const after = formatPromptFile(local);
  const before = remote ? formatPromptFile(remote) : "";
  const status = !remote
    ? "new"
    : !sameContent(local.content, remote.content) || local.type !== remote.type
      ? "changed"
      : before !== after
        ? "details"
        : "same";
  return {
    name: local.name,
    status,
    patch:
      status === "same"
        ? ""
        : createTwoFilesPatch(
            remote ? opts.remoteLabel : "/dev/null",
            opts.localLabel,
            before,
            after,
            undefined,
            undefined,
            { context: 3 },
          )
            .split("\n")
            .slice(1) // the "====" line createTwoFilesPatch starts with
            .join("\n"),
    contractChanges: status === "same" ? [] : diffContracts(remote?.content.contract ?? null, local.content.contract),
  };
}

/** The patch with removed lines red, added lines green and hunk headers cyan. */
export function colourPatch(patch: string, paint: Record<"red" | "green" | "cyan" | "bold", (t: string) => string>) {
  return patch
    .split("\n")
    .map((line) =>
      line.startsWith("---") || line.startsWith("+++")
        ? paint.bold(line)
        : line.startsWith("@@")
          ? paint.cyan(line)
          : line.startsWith("-")
            ? paint.red(line)
            : line.startsWith("+")
              ? paint.green(line)
              : line,
    )
    .join("\n");
}
