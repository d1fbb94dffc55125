// @vitest-environment node
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "./proxy";

const LOCALES = { data: { locales: [{ code: "en", isDefault: true }, { code: "de", isDefault: false }] } };

/** A CMS that knows its languages and answers the preview token check. */
function cms(previewed: unknown) {
  const calls: { query: string; variables?: Record<string, unknown>; cache?: string }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string) as { query: string; variables?: Record<string, unknown> };
      calls.push({ ...body, cache: init.cache });
      const answer = body.query.includes("locales") ? LOCALES : { data: { page: previewed } };
      return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
    }),
  );
  return calls;
}

const request = (path: string) => new NextRequest(new URL(path, "http://127.0.0.1:3000"));

afterEach(() => {
  vi.unstubAllGlobals();
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
