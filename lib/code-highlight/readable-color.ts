// Theme colours kept readable on the studio's code background: a token colour under WCAG AA's
// 4.5:1 (github-light's orange is 3.5:1 on white) is darkened (light theme) or lightened (dark
// theme) just enough. Pure, so tests can check every colour a theme uses.

const channels = (hex: string): [number, number, number] | undefined => {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})([0-9a-f]{2})?$/i.exec(hex);
  if (!m) return undefined;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
};

const luminance = ([r, g, b]: [number, number, number]) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [channels(a), channels(b)];
  if (!x || !y) return 21;
  const [l1, l2] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

const hex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`.toUpperCase();

/** `color`, or the nearest colour toward black or white that reaches `minRatio` on `background`. */
export function readableColor({
  color,
  background,
  minRatio = 4.5,
}: {
  color: string;
  background: string;
  minRatio?: number;
}): string {
  const rgb = channels(color);
  const bg = channels(background);
  if (!rgb || !bg || contrastRatio(color, background) >= minRatio) return color;
  const target = luminance(bg) > 0.5 ? 0 : 255;
  for (let step = 1; step <= 20; step++) {
    const mixed = hex(rgb.map((c) => c + (target - c) * (step / 20)));
    if (contrastRatio(mixed, background) >= minRatio) return mixed;
  }
  return hex([target, target, target]);
}
