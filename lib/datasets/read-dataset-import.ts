import type { z } from "zod";

import { loadPromptVariables } from "@/lib/datasets/load-prompt-variables";
import { mapDatasetColumns } from "@/lib/datasets/map-dataset-columns";
import { parseDatasetFile } from "@/lib/datasets/parse-dataset-file";
import { getEnv } from "@/lib/env";
import type { VariableSpec } from "@/lib/templates/contract";
import type { importPreviewSchema } from "@/lib/validations/dataset";

/** Parses an import file and maps its columns, typed by the chosen prompt's contract: the shared step of preview and import. */
export async function readDatasetImport(opts: { projectId: string; input: z.infer<typeof importPreviewSchema> }) {
  const variables: VariableSpec[] = opts.input.promptId
    ? await loadPromptVariables({ projectId: opts.projectId, promptId: opts.input.promptId })
    : [];
  const file = parseDatasetFile({
    format: opts.input.format,
    text: opts.input.content,
    // Half the request limit, as for prompt imports: JSON-escaping a file into the body can nearly double it.
    maxBytes: Math.floor(getEnv().GALLEY_MAX_IMPORT_BYTES / 2),
  });
  const mapped = mapDatasetColumns({ file, mapping: opts.input.mapping, variables });
  return {
    file,
    variables,
    rows: mapped.rows,
    targets: mapped.targets,
    problems: [...file.problems, ...mapped.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  };
}
