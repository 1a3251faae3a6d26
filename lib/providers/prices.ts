// USD per million tokens. Only models whose price we know: anything else costs "unknown", never 0.
export const defaultPrices: Record<string, { input: number; output: number }> = {
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "o3-mini": { input: 1.1, output: 4.4 },
  "o4-mini": { input: 1.1, output: 4.4 },
  "gpt-3.5-turbo": { input: 0.5, output: 1.5 },
};

/** Cost in USD, or null when the model's price is unknown or usage was not reported. */
export function costOf(
  model: string,
  usage: { input: number | null; output: number | null },
  prices: Record<string, { input: number; output: number }> = defaultPrices,
): number | null {
  // Dated snapshots (gpt-4o-2024-08-06) cost what their model costs.
  const price = prices[model] ?? prices[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")];
  if (!price || usage.input === null || usage.output === null) return null;
  return (usage.input * price.input + usage.output * price.output) / 1_000_000;
}
