import { type NextRequest, NextResponse } from "next/server";
import { dictionaryFor } from "@/i18n/dictionaries";
import { cmsGraphqlUrl } from "@/lib/cms";
import { READER_LOCALE_HEADER } from "@/lib/headers";

/**
 * Before a page renders: ask the CMS for its languages (a tiny, cached
 * answer) to know the reader's language, and to answer with a real status
 * when the CMS is down: 503 when it cannot be reached, 502 when it answers
 * with something other than data. Next.js could only give such pages a 500.
 */
export async function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad Request: the address is not valid UTF-8.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const first = request.nextUrl.pathname.split("/").filter(Boolean)[0] ?? "";
  let codes: string[];
  let status = 200;
  try {
    const response = await fetch(cmsGraphqlUrl(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query ProxyLocales { locales { code isDefault } }" }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json().catch(() => null)) as {
      data?: { locales: { code: string; isDefault: boolean }[] };
    } | null;
    if (!body?.data?.locales) {
      status = 502;
      codes = [];
    } else {
      codes = body.data.locales.filter((l) => !l.isDefault).map((l) => l.code);
      const fallback = body.data.locales.find((l) => l.isDefault)?.code ?? "en";
      const locale = codes.includes(first) ? first : fallback;
      const headers = new Headers(request.headers);
      headers.set(READER_LOCALE_HEADER, locale);
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
  matcher: ["/((?!_next/|favicon.ico|robots.txt).*)"],
};
