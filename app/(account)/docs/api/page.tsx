import type { Metadata } from "next";
import { headers } from "next/headers";

import { ApiReference } from "@/components/api-reference/api-reference";
import { InlineMarkdown } from "@/components/api-reference/schema-field-list";
import { PageHeader } from "@/components/ui/page-header";
import { listOperations } from "@/lib/api-reference/list-operations";
import { publicOrigin } from "@/lib/http/public-origin";
import { openApiDocument } from "@/lib/serving/openapi-document";

export const metadata: Metadata = { title: "API reference" };

// The same document GET /api/openapi.json serves (that one stays public); the layout signs people in.
export default async function ApiReferencePage() {
  const origin = publicOrigin(await headers());
  const document = openApiDocument(origin);
  return (
    <div className="min-w-0">
      <PageHeader
        title="API reference"
        description={
          <>
            <InlineMarkdown text={document.info.description} />{" "}
            <a className="text-accent underline underline-offset-2" href="/api/openapi.json">
              OpenAPI document
            </a>{" "}
            for client generators.
          </>
        }
      />
      <ApiReference groups={listOperations({ document })} origin={origin} document={document} />
    </div>
  );
}
