import type { ProjectAccess } from "@/lib/auth/require-project-permission";
import type { PromptDetail } from "@/lib/collab/storage/get-prompt-detail";
import type { EnvironmentView } from "@/lib/environments/list-environments";
import type { Arm } from "@/lib/releases/arms";

/** What the prompt page hands every `?view=` tab: who is looking, the prompt, and what runs where. */
export type PromptTabProps = {
  access: ProjectAccess;
  prompt: PromptDetail;
  /** The prompt page's path; tabs link to each other by adding `?view=…` to it. */
  here: string;
  environments: EnvironmentView[];
  /** Environment slug → the version of this prompt it runs (absent: none). */
  running: Record<string, number>;
  /** Environment slug → the split it runs (absent: a version alone, or nothing). */
  splits: Record<string, Arm[]>;
};
