import { revalidatePath, revalidateTag } from "next/cache";
import { SECRET_ENV, verifyEvent } from "@/lib/revalidate";

// Never cached, never prerendered: every call is an event.
export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/** Bodies are a few hundred bytes; anything far larger is no event. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * POST /api/revalidate: the CMS says pages (or the site chrome) changed.
 *
 * The body is a Standard Webhooks event signed with FRONTEND_REVALIDATE_SECRET
 * (see docs/frontend.md, "Fresh after publish"). Its `invalidates.tags` are
 * the cache tags the page fetches carry (`page-<id>`, `chrome`), dropped at
 * once (`expire: 0`, so the next reader gets the new version, not a stale one
 * while it loads), and its `invalidates.urls` the pages to render afresh.
 */
export async function POST(request: Request): Promise<Response> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return Response.json({ error: "The body is too large for an event." }, { status: 413, headers: NO_STORE });
  }
  let body: string;
  try {
    body = await request.text();
  } catch {
    return Response.json({ error: "The body could not be read." }, { status: 400, headers: NO_STORE });
  }
  if (body.length > MAX_BODY_BYTES) {
    return Response.json({ error: "The body is too large for an event." }, { status: 413, headers: NO_STORE });
  }
  const verdict = verifyEvent(body, request.headers, process.env[SECRET_ENV]);
  if (!verdict.ok) {
    return Response.json({ error: verdict.error }, { status: verdict.status, headers: NO_STORE });
  }
  const { tags, paths } = verdict.invalidation;
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  for (const path of paths) revalidatePath(path);
  return Response.json({ revalidated: { tags, paths } }, { headers: NO_STORE });
}
