import { validationError } from "@/lib/errors";
import type { ModelConfig } from "@/lib/validations/prompt";

/**
 * The model a run asks for: the one chosen for this run, else the prompt's model settings', else the
 * provider's default. Having none is the user's to fix before anything is sent, so it is a 422.
 */
export function chooseRunModel(opts: {
  requested?: string;
  settings: ModelConfig;
  defaultModel: string | null;
}): string {
  const model = opts.requested || opts.settings.model || opts.defaultModel;
  if (!model)
    throw validationError([{ path: "model", message: "Choose a model, or set one in the prompt's model settings." }]);
  return model;
}
