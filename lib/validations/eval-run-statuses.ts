// Plain constants, without zod: client components (the runs list, the run page) import them, and
// importing them from the validation schemas would ship zod in those pages' first-load JavaScript.
export const evalRunStatuses = ["queued", "running", "finished", "cancelled", "failed"] as const;
export type EvalRunStatus = (typeof evalRunStatuses)[number];

/** Statuses whose numbers still move: the runs list and the run page poll only while one is shown. */
export const liveEvalRunStatuses: readonly EvalRunStatus[] = ["queued", "running"];
