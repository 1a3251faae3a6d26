/** "v3", or "nothing" where an environment ran no version of the prompt. */
export const versionLabel = (n: number | null) => (n ? `v${n}` : "nothing");
