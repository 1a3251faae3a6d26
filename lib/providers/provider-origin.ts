// Where a provider's API key is sent. Browser-safe: the settings form warns with the same rule the server enforces.

/** The scheme, host and port requests go to (the OpenAI API when no base URL is set), or null when unknown. */
export function providerOrigin(opts: { kind: string; baseUrl: string | null | undefined }): string | null {
  if (!opts.baseUrl) return opts.kind === "OPENAI" ? "https://api.openai.com" : null;
  return URL.canParse(opts.baseUrl) ? new URL(opts.baseUrl).origin : null;
}
