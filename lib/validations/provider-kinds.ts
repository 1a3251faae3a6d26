// Plain constants, without zod, so the providers settings form can list the kinds without
// shipping the validation schemas in its first-load JavaScript.
export const providerKinds = ["OPENAI", "AZURE_OPENAI", "OPENAI_COMPATIBLE"] as const;
export const providerKindLabels: Record<(typeof providerKinds)[number], string> = {
  OPENAI: "OpenAI",
  AZURE_OPENAI: "Azure OpenAI",
  OPENAI_COMPATIBLE: "OpenAI-compatible (Ollama, vLLM, LM Studio, OpenRouter, Groq, Together…)",
};
