import { type NextRequest, NextResponse } from "next/server";
import { LocalesDocument, PreviewTokenDocument } from "@/graphql/generated/graphql";
import { dictionaryFor } from "@/i18n/dictionaries";
import { CmsBadResponseError, cmsQuery } from "@/lib/cms";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { READER_LOCALE_HEADER } from "@/lib/headers";
import { decodeSegments, type Locale } from "@/lib/locales";
import { PREVIEW_PATH, previewExpiredHtml, previewParams } from "@/lib/preview";
import { resolvePath } from "@/lib/resolve";

const PRIVATE_HEADERS = {
  "cache-control": "private, no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
};

/** Does the CMS still serve a draft for this preview token? */
async function previewTokenIsGood(token: string, locale: string | null): Promise<boolean> {
  const { page } = await cmsQuery(PreviewTokenDocument, { token, locale }, { noStore: true, timeoutMs: 5_000 });
  return page != null;
}

/** Every answer carries a strict Content-Security-Policy with a fresh nonce. */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const response = await answer(request, nonce, csp);
  response.headers.set(CSP_HEADER, csp);
  return response;
}

const CSP_HEADER = "content-security-policy";

/**
 * The request as the page sees it: the reader's language, and the policy
 * with its nonce, which Next.js reads to put the nonce on its own inline
 * scripts (`x-nonce` for the app's own, should it need one).
 */
function pageRequestHeaders(request: NextRequest, locale: string, nonce: string, csp: string): Headers {
  const headers = new Headers(request.headers);
  headers.set(READER_LOCALE_HEADER, locale);
  headers.set("x-nonce", nonce);
  headers.set(CSP_HEADER, csp);
  return headers;
}

/**
 * A page's address ends with "/", as the CMS's urls do: the address without
 * it is redirected (as Next.js's `trailingSlash` would, which is off for the
 * sake of /api/revalidate); a file's (`/sitemap.xml`) is left alone.
 */
export function withTrailingSlash(url: { pathname: string; search: string }): string | null {
  const { pathname, search } = url;
  if (pathname.endsWith("/") || (pathname.split("/").at(-1) ?? "").includes(".")) return null;
  return `${pathname}/${search}`;
}

/** Next.js's own not-found route: the root layout and `app/not-found.tsx`. */
export const NOT_FOUND_PATH = "/_not-found/";

/**
 * Addresses found to be pages in the last `PAGE_SECONDS`: they are not
 * asked about again meanwhile (the page route still is, for its content).
 * Only pages are remembered, so a page published a moment ago is found at
 * once; one withdrawn meanwhile still answers 404, from the page route.
 */
const knownPages = new Map<string, number>();
const PAGE_SECONDS = 60;
const MAX_KNOWN_PAGES = 5_000;

/** Forget the addresses found to be pages (tests). */
export function forgetKnownPages() {
  knownPages.clear();
}

/**
 * Is this the address of no page? Asked before rendering, with the page
 * route's own rule (`resolvePath`, the same queries), because a
 * `notFound()` thrown while the page renders gets a 404 whose body only the
 * browser can draw (vercel/next.js#62228): Next.js's not-found route, to
 * which such an address is rewritten, renders on the server. Only the
 * catch-all page route's addresses are asked about (not `/`, a language's
 * root, files or the preview), and a CMS error leaves the answer to the page.
 */
async function isNoPage(pathname: string, locales: Locale[]): Promise<boolean> {
  const segments = decodeSegments(pathname.split("/").filter(Boolean));
  if (!segments?.length || pathname === PREVIEW_PATH || pathname === NOT_FOUND_PATH) return false;
  if ((segments.at(-1) ?? "").includes(".")) return false;
  if (segments.length === 1 && locales.some((l) => !l.isDefault && l.code === segments[0])) return false;
  const now = Date.now();
  if ((knownPages.get(pathname) ?? 0) > now) return false;
  let resolved;
  try {
    resolved = await resolvePath(segments, locales);
  } catch {
    return false;
  }
  if (!resolved) return true;
  knownPages.delete(pathname);
  if (knownPages.size >= MAX_KNOWN_PAGES) knownPages.delete(knownPages.keys().next().value ?? "");
  knownPages.set(pathname, now + PAGE_SECONDS * 1_000);
  return false;
}

/**
 * Before a page renders: ask the CMS for its languages (a tiny, cached
 * answer) to know the reader's language, and to answer with a real status
 * when the CMS is down: 503 when it cannot be reached, 502 when it answers
 * with something other than data. Next.js could only give such pages a 500.
 */
async function answer(request: NextRequest, nonce: string, csp: string): Promise<NextResponse> {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad Request: the address is not valid UTF-8.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const slashed = withTrailingSlash(request.nextUrl);
  // A relative Location: NextURL would name 127.0.0.1 "localhost".
  if (slashed) return new NextResponse(null, { status: 308, headers: { location: slashed } });
  const first = request.nextUrl.pathname.split("/").filter(Boolean)[0] ?? "";
  let codes: string[];
  let status = 200;
  try {
    // One of the frontend's own operations (by id with
    // CMS_PERSISTED_DOCUMENTS): a CMS that runs only trusted documents
    // refuses any other text.
    let locales: Locale[] | undefined;
    try {
      ({ locales } = await cmsQuery(LocalesDocument, {}, { tags: ["locales"], timeoutMs: 5_000 }));
    } catch (error) {
      if (!(error instanceof CmsBadResponseError)) throw error;
    }
    if (!locales) {
      status = 502;
      codes = [];
    } else {
      codes = locales.filter((l) => !l.isDefault).map((l) => l.code);
      const fallback = locales.find((l) => l.isDefault)?.code ?? "en";
      const isPreview = request.nextUrl.pathname === PREVIEW_PATH;
      if (isPreview) {
        // A preview is in the draft's language, which the link names.
        const params = previewParams(request.nextUrl.searchParams);
        const locale = params?.locale && codes.includes(params.locale) ? params.locale : fallback;
        if (!params || !(await previewTokenIsGood(params.token, params.locale))) {
          return new NextResponse(previewExpiredHtml(locale), {
            status: 410,
            headers: { "content-type": "text/html; charset=utf-8", ...PRIVATE_HEADERS },
          });
        }
        const headers = pageRequestHeaders(request, locale, nonce, csp);
        const response = NextResponse.next({ request: { headers } });
        for (const [name, value] of Object.entries(PRIVATE_HEADERS)) response.headers.set(name, value);
        return response;
      }
      // The not-found route, to which an address that is no page was
      // rewritten, comes through here again, with the language in its query.
      const asked = request.nextUrl.pathname === NOT_FOUND_PATH ? request.nextUrl.searchParams.get("locale") : first;
      const locale = asked && codes.includes(asked) ? asked : fallback;
      const headers = pageRequestHeaders(request, locale, nonce, csp);
      if (await isNoPage(request.nextUrl.pathname, locales)) {
        const target = new URL(NOT_FOUND_PATH, request.url);
        target.searchParams.set("locale", locale);
        return NextResponse.rewrite(target, { request: { headers } });
      }
      return NextResponse.next({ request: { headers } });
    }
  } catch {
    status = 503;
  }
  const locale = /^[a-z]{2}$/.test(first) ? first : "en";
  const dict = dictionaryFor(locale);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${dict.cmsUnavailableTitle}</title></head><body><main><h1>${dict.cmsUnavailableTitle}</h1><p>${dict.cmsUnavailableText}</p></main></body></html>`;
  return new NextResponse(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": "30" },
  });
}

export const config = {
  // Uploaded images go straight to the CMS (next.config.ts rewrites /media/);
  // the CMS's events (/api/revalidate) need no language and no page policy.
  matcher: ["/((?!_next/|media/|api/revalidate|favicon.ico|robots.txt).*)"],
};
