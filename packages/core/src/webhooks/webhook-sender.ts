/** What one HTTP attempt came to. `ok`: a 2xx answer. */
export type SendOutcome = { ok: boolean; status: number | null; durationMs: number; error: string | null };

/** Posts one signed body to one URL (the worker's bounded, SSRF-checked HTTP client). */
export type WebhookSender = (request: {
  url: string;
  body: string;
  headers: Record<string, string>;
}) => Promise<SendOutcome>;
