// The events a webhook can subscribe to, shared by the settings form, validation and the worker.
export const webhookEvents = [
  "prompt.version.created",
  "review.requested",
  "review.approved",
  "prompt.deployed",
  "prompt.rolled_back",
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const webhookEventLabels: Record<WebhookEvent, string> = {
  "prompt.version.created": "A version is saved",
  "review.requested": "A review is requested",
  "review.approved": "A review is approved",
  "prompt.deployed": "A version is deployed or promoted, or a split is started, ramped or promoted",
  "prompt.rolled_back": "An environment is rolled back, or a split is aborted",
};
