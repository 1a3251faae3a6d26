// One colour per arm, by its place in the split, from the theme's variables (light and dark alike):
// the split bar, the legend and the chart agree on which colour is which version.
export const armColors = ["var(--muted)", "var(--accent)", "var(--success)", "var(--danger)"];

export const armColor = (index: number) => armColors[index % armColors.length]!;
