import { Webhook, WebhookVerificationError } from "standardwebhooks";

/**
 * The CMS's publishing events (docs/frontend.md, "Fresh after publish"):
 * Standard Webhooks, signed with the secret both sides read from
 * FRONTEND_REVALIDATE_SECRET (`whsec_<base64>`).
 */
export const SECRET_ENV = "FRONTEND_REVALIDATE_SECRET";

/** What an event asks the frontend to drop. */
export interface Invalidation {
  type: string;
  tags: string[];
  paths: string[];
}

export type Verdict =
  | { ok: true; invalidation: Invalidation }
  | { ok: false; status: 400 | 401 | 503; error: string };

// Next.js ignores tags over 256 characters; the contract's are short.
const TAG = /^[\w.:-]{1,256}$/;
const MAX_ITEMS = 1_000;

function isStringList(value: unknown, item: (s: string) => boolean): value is string[] {
  return Array.isArray(value) && value.length <= MAX_ITEMS && value.every((v) => typeof v === "string" && item(v));
}

/** A site path the CMS gives (`/...`), never an address elsewhere. */
function isSitePath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && path.length <= 2_048 && !/[\s\\]/.test(path);
}

/** The event's invalidations, or why the body is not an event. */
export function parseEvent(payload: unknown): Invalidation | string {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return "The body is not a JSON object.";
  }
  const { type, data } = payload as { type?: unknown; data?: unknown };
  if (typeof type !== "string" || !type) return "The event has no type.";
  if (typeof data !== "object" || data === null) return "The event has no data.";
  const invalidates = (data as { invalidates?: unknown }).invalidates;
  if (typeof invalidates !== "object" || invalidates === null) return "The event has no data.invalidates.";
  const { tags, urls } = invalidates as { tags?: unknown; urls?: unknown };
  if (!isStringList(tags, (t) => TAG.test(t))) {
    return "data.invalidates.tags must be a list of cache tags (page-<id>, chrome).";
  }
  if (!isStringList(urls, isSitePath)) {
    return "data.invalidates.urls must be a list of paths on this site (/...).";
  }
  return { type, tags: frontendTags(type, tags), paths: [...new Set(urls)] };
}

/** The tags the frontend's own fetches carry (lib/cms.ts). */
const FRONTEND_TAG = /^(page-\d+|chrome|cms)$/;

/**
 * The tags to drop for an event. A `cdn.purge` (an image, document,
 * redirect, language or site changed) may name tags no fetch here carries
 * (`image-5`, `redirects`): their reach is unknown to this cache, so
 * everything fetched from the CMS (`cms`) is dropped with the page tags.
 */
function frontendTags(type: string, tags: string[]): string[] {
  const unique = [...new Set(tags)];
  if (type !== "cdn.purge" || unique.every((tag) => FRONTEND_TAG.test(tag))) return unique;
  return [...new Set(["cms", ...unique.filter((tag) => FRONTEND_TAG.test(tag))])];
}

/**
 * Check the signature and read the event. The body must be the exact bytes
 * that were signed, so it is read as text here, not parsed before.
 */
export function verifyEvent(body: string, headers: Headers, secret: string | undefined): Verdict {
  // Two secrets, separated by a space, while the secret is rotated.
  const secrets = (secret ?? "").split(/\s+/).filter(Boolean);
  if (!secrets.length) {
    return { ok: false, status: 503, error: `Revalidation is not configured: ${SECRET_ENV} is not set.` };
  }
  let webhooks: Webhook[];
  try {
    webhooks = secrets.map((s) => new Webhook(s));
  } catch {
    return { ok: false, status: 503, error: `${SECRET_ENV} is not a valid secret (whsec_<base64>).` };
  }
  const signed = {
    "webhook-id": headers.get("webhook-id") ?? "",
    "webhook-timestamp": headers.get("webhook-timestamp") ?? "",
    "webhook-signature": headers.get("webhook-signature") ?? "",
  };
  let refusal = "";
  for (const webhook of webhooks) {
    let payload: unknown;
    try {
      payload = webhook.verify(body, signed);
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        refusal ||= error.message;
        continue;
      }
      // A correct signature over a body that is not JSON.
      return { ok: false, status: 400, error: "The body is not JSON." };
    }
    const parsed = parseEvent(payload);
    if (typeof parsed === "string") return { ok: false, status: 400, error: parsed };
    return { ok: true, invalidation: parsed };
  }
  return { ok: false, status: 401, error: `Signature refused: ${refusal}.` };
}
