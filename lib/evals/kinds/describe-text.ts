const SHOWN = 80;

/** A short, quoted excerpt of a text for a verdict's reason: reasons are shown in a table cell. */
export function describeText(text: string): string {
  if (text.length === 0) return "(empty)";
  const chars = [...text];
  return chars.length <= SHOWN
    ? JSON.stringify(text)
    : `${JSON.stringify(chars.slice(0, SHOWN).join(""))}… (${chars.length.toLocaleString("en")} characters)`;
}
