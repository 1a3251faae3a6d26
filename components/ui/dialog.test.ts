import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Dialog } from "@/components/ui/dialog";
import { ModalDialog } from "@/components/ui/modal-dialog";

const render = (open: boolean, description?: string, component: typeof Dialog = ModalDialog) =>
  renderToStaticMarkup(
    h(
      "li",
      { "data-testid": "row" },
      h(
        component,
        { open, onOpenChange: () => undefined, title: "Revoke the key?", description },
        h("button", null, "Revoke now"),
      ),
    ),
  );

describe("Dialog", () => {
  it("renders nothing while closed, and loads Radix only once opened", () => {
    expect(render(false, undefined, Dialog)).toBe('<li data-testid="row"></li>');
    expect(render(false)).toBe('<li data-testid="row"></li>');
  });

  it("is a dialog with its title as a heading, its description, and a close button", () => {
    // Radix links aria-labelledby and aria-describedby once mounted in the browser (the e2e specs
    // find the save dialog by that name); on the server it renders the parts they point at.
    const out = render(true, "Apps using it get 401 at once.");
    expect(out).toMatch(/<div role="dialog" id="[^"]+" data-state="open"/);
    expect(out).toMatch(/<h2 id="[^"]+"[^>]*>Revoke the key\?<\/h2>/);
    expect(out).toMatch(/<p id="[^"]+"[^>]*>Apps using it get 401 at once.<\/p>/);
    expect(out).toContain('aria-label="Close"');
  });

  it("renders inside the element that declares it, so a row's test id still scopes its confirm", () => {
    const out = render(true);
    expect(out.startsWith('<li data-testid="row">')).toBe(true);
    expect(out).toContain("Revoke now</button>");
    expect(out.indexOf("Revoke now")).toBeLessThan(out.lastIndexOf("</li>"));
  });
});
