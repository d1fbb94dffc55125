// @vitest-environment node
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LocalesDocument, PreviewTokenDocument } from "@/graphql/generated/graphql";
import { documentIdOf } from "@/lib/cms";
import { forgetKnownPages, NOT_FOUND_PATH, proxy, withTrailingSlash } from "./proxy";

const LOCALES = {
  data: {
    locales: [
      { code: "en", name: "English", isDefault: true },
      { code: "de", name: "Deutsch", isDefault: false },
    ],
  },
};
const HUB_SLUG = "causes-of-failed-implantation-and-pregnancy-loss";

/**
 * A CMS that knows its languages, answers the preview token check and has
 * one page in each language: the article's hub (no categories, no causes).
 */
function cms(previewed: unknown) {
  const calls: { query: string; variables?: Record<string, unknown>; cache?: string }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string) as { query: string; variables?: Record<string, unknown> };
      calls.push({ ...body, cache: init.cache });
      const locale = body.variables?.locale;
      const hub = { slug: HUB_SLUG, url: `${locale === "de" ? "/de" : ""}/${HUB_SLUG}/`, isFallback: false };
      const answer = body.query.includes("locales")
        ? LOCALES
        : body.query.includes("query HubPage")
          ? { data: { causeIndex: hub } }
          : body.query.includes("query PreviewToken")
            ? { data: { page: previewed } }
            : { data: { causeCategory: null, cause: null } };
      return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
    }),
  );
  return calls;
}

const request = (path: string) => new NextRequest(new URL(path, "http://127.0.0.1:3000"));

afterEach(() => {
  forgetKnownPages();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("proxy on the preview route", () => {
  it("answers an expired or forged token with the expiry page, 410 and never stored", async () => {
    const calls = cms(null);
    const response = await proxy(request("/preview/?content_type=content.causepage&token=forged&locale=de"));
    expect(response.status).toBe(410);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await response.text();
    expect(html).toContain("<h1>Dieser Vorschau-Link ist abgelaufen</h1>");
    const check = calls.find((c) => c.query.includes("PreviewToken"));
    expect(check?.variables).toEqual({ token: "forged", locale: "de" });
    expect(check?.cache).toBe("no-store");
  });

  it("answers a link without a token with the expiry page", async () => {
    cms(null);
    const response = await proxy(request("/preview/"));
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("This preview link has expired");
  });

  it("lets a good token through, in the draft's language, private and uncached", async () => {
    cms({ id: "8" });
    const response = await proxy(request("/preview/?token=good&locale=de"));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("x-middleware-request-x-reader-locale")).toBe("de");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("leaves other pages alone", async () => {
    const calls = cms(null);
    const response = await proxy(request("/de/causes-of-failed-implantation-and-pregnancy-loss/"));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("cache-control")).toBeNull();
    expect(calls.some((c) => c.query.includes("PreviewToken"))).toBe(false);
  });
});

describe("proxy on an address that is no page", () => {
  const pageQueries = (calls: { query: string }[]) => calls.filter((c) => !c.query.includes("locales"));

  it("rewrites it to the not-found route, in the address's language", async () => {
    cms(null);
    const response = await proxy(request(`/de/${HUB_SLUG}/no-such-category/`));
    const target = new URL(response.headers.get("x-middleware-rewrite") ?? "", "http://127.0.0.1:3000");
    expect(target.pathname).toBe(NOT_FOUND_PATH);
    expect(target.searchParams.get("locale")).toBe("de");
    expect(response.headers.get("x-middleware-request-x-reader-locale")).toBe("de");
    expect(response.headers.get("x-middleware-request-x-nonce")).toBeTruthy();
  });

  it("rewrites a page's address in the wrong language or place", async () => {
    cms(null);
    for (const path of ["/no-such-page/", `/${HUB_SLUG}/x/`, `/${HUB_SLUG}/x/y/z/`, "/de/no-such-page/"]) {
      const response = await proxy(request(path));
      expect(response.headers.get("x-middleware-rewrite"), path).toContain(NOT_FOUND_PATH);
    }
  });

  it("gives the not-found route the language of its query, a known one only", async () => {
    cms(null);
    const german = await proxy(request(`${NOT_FOUND_PATH}?locale=de`));
    expect(german.headers.get("x-middleware-next")).toBe("1");
    expect(german.headers.get("x-middleware-request-x-reader-locale")).toBe("de");
    const unknown = await proxy(request(`${NOT_FOUND_PATH}?locale=xx`));
    expect(unknown.headers.get("x-middleware-request-x-reader-locale")).toBe("en");
  });

  it("lets a page through, and asks about it again only after a while", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const calls = cms(null);
      for (let i = 0; i < 3; i++) {
        const response = await proxy(request(`/${HUB_SLUG}/`));
        expect(response.headers.get("x-middleware-next")).toBe("1");
        expect(response.headers.get("x-middleware-rewrite")).toBeNull();
      }
      expect(pageQueries(calls)).toHaveLength(1);
      vi.advanceTimersByTime(61_000);
      await proxy(request(`/${HUB_SLUG}/`));
      expect(pageQueries(calls)).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("asks about an address that was no page every time: a page just published is found", async () => {
    const calls = cms(null);
    await proxy(request("/no-such-page/"));
    await proxy(request("/no-such-page/"));
    expect(pageQueries(calls)).toHaveLength(2);
  });

  it("leaves the site root, a language's root, files and a failed lookup to the routes", async () => {
    const calls = cms(null);
    for (const path of ["/", "/de/", "/sitemap.xml"]) {
      const response = await proxy(request(path));
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
    expect(pageQueries(calls)).toHaveLength(0);
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        const asksLocales = (init.body as string).includes("locales");
        return new Response(JSON.stringify(asksLocales ? LOCALES : { errors: [{ message: "refused" }] }), {
          headers: { "content-type": "application/json" },
        });
      }),
    );
    const refused = await proxy(request("/no-such-page/"));
    expect(refused.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy's Content-Security-Policy", () => {
  const directives = (policy: string | null) =>
    new Map(
      (policy ?? "").split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
  const nonceOf = (policy: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];

  it("sends a strict policy with a nonce, and hands both to the page", async () => {
    vi.stubEnv("CMS_GRAPHQL_URL", "");
    vi.stubEnv("MEDIA_URL", "");
    cms(null);
    const response = await proxy(request("/causes-of-failed-implantation-and-pregnancy-loss/"));
    const policy = response.headers.get("content-security-policy");
    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const d = directives(policy);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(d.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:", "http://127.0.0.1:8000"]);
    expect(d.get("font-src")).toEqual(["'self'", "data:"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(policy).not.toContain("unsafe");
    // Next.js reads the nonce from the request's policy for its own inline scripts.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("makes a new nonce for every request", async () => {
    cms(null);
    const nonces = new Set<string | undefined>();
    for (let i = 0; i < 5; i++) {
      const response = await proxy(request("/"));
      nonces.add(nonceOf(response.headers.get("content-security-policy")));
    }
    expect(nonces.size).toBe(5);
    expect(nonces.has(undefined)).toBe(false);
  });

  it("allows images from the CMS's origin and from an absolute MEDIA_URL", async () => {
    vi.stubEnv("CMS_GRAPHQL_URL", "https://cms.example.org/graphql/");
    vi.stubEnv("MEDIA_URL", "https://media.example.org/uploads/");
    cms(null);
    const response = await proxy(request("/"));
    expect(directives(response.headers.get("content-security-policy")).get("img-src")).toEqual([
      "'self'",
      "data:",
      "blob:",
      "https://cms.example.org",
      "https://media.example.org",
    ]);
  });

  it("allows 'unsafe-eval' and inline styles only under next dev", async () => {
    vi.stubEnv("NODE_ENV", "development");
    cms(null);
    const response = await proxy(request("/"));
    const policy = response.headers.get("content-security-policy");
    const d = directives(policy);
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${nonceOf(policy)}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
  });

  it("keeps the preview route's private headers beside the policy", async () => {
    cms({ id: "8" });
    const response = await proxy(request("/preview/?token=good&locale=de"));
    expect(nonceOf(response.headers.get("content-security-policy"))).toBeTruthy();
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
  });

  it("sends the policy with the page the proxy writes itself", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("fetch failed");
      }),
    );
    const response = await proxy(request("/de/"));
    expect(response.status).toBe(503);
    expect(directives(response.headers.get("content-security-policy")).get("object-src")).toEqual(["'none'"]);
  });
});

describe("proxy with CMS_PERSISTED_DOCUMENTS", () => {
  it("sends only the frontend's operations, by id: a CMS running only trusted documents refuses any other", async () => {
    vi.stubEnv("CMS_PERSISTED_DOCUMENTS", "true");
    const sent: { method: string; id: string | null; query?: string }[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init: RequestInit) => {
        const body = init.body ? (JSON.parse(init.body as string) as { documentId?: string; query?: string }) : {};
        const id = new URL(url).searchParams.get("id") ?? body.documentId ?? null;
        sent.push({ method: init.method ?? "GET", id, query: body.query });
        const answer = id === documentIdOf(LocalesDocument) ? LOCALES : { data: { page: { id: "8" } } };
        return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
      }),
    );
    const response = await proxy(request("/preview/?token=good&locale=de"));
    expect(response.status).toBe(200);
    expect(sent).toEqual([
      { method: "GET", id: documentIdOf(LocalesDocument), query: undefined },
      { method: "POST", id: documentIdOf(PreviewTokenDocument), query: undefined },
    ]);
  });
});

describe("trailing slashes", () => {
  it("redirects a page address without its slash, and leaves files alone", async () => {
    cms(null);
    const response = await proxy(request("/causes-of-failed-implantation-and-pregnancy-loss?x=1"));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(
      "/causes-of-failed-implantation-and-pregnancy-loss/?x=1",
    );
    expect(withTrailingSlash(new URL("http://127.0.0.1:3000/sitemap.xml"))).toBeNull();
    expect(withTrailingSlash(new URL("http://127.0.0.1:3000/de/"))).toBeNull();
  });
});
