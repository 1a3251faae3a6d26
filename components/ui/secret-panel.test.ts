import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { SecretPanel } from "@/components/ui/secret-panel";

describe("SecretPanel", () => {
  const out = renderToStaticMarkup(
    h(
      SecretPanel,
      {
        label: "New API key",
        title: "Copy the key now",
        note: "Galley keeps only a hash.",
        secret: "gk_secret_value",
        secretTestId: "api-key-secret",
        onDone: () => undefined,
      },
      h("pre", null, "curl example"),
    ),
  );

  it("shows the secret once, in a named region, with the warning that it will not be shown again", () => {
    expect(out).toMatch(/^<section aria-label="New API key"/);
    expect(out).toContain('data-testid="api-key-secret">gk_secret_value</code>');
    expect(out).toContain("It will not be shown again.</strong> Galley keeps only a hash.");
    expect(out).toContain("curl example");
  });

  it("offers Copy and Done, and the copy icon is hidden from screen readers", () => {
    expect(out).toMatch(/<button[^>]*><svg[^>]*aria-hidden="true"[^>]*>.*<\/svg>Copy<\/button>/);
    expect(out).toMatch(/<button[^>]*>Done<\/button>/);
  });
});
