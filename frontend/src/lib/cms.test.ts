// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import { fixtures } from "@/__fixtures__";
import { CausePageDocument, LocalesDocument } from "@/graphql/generated/graphql";
import manifest from "@/graphql/generated/persisted-documents.json";
import { cmsQuery, documentIdOf, forgetPageTags, pageTagsOf } from "./cms";

const answer = (body: object, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const locales = { locales: [{ code: "en", name: "English", isDefault: true }] };

function recordFetch(...answers: Response[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answers.shift() ?? answer({ errors: [{ message: "unexpected" }] }, 500);
    }),
  );
  return calls;
}

function nth(calls: { url: string; init: RequestInit }[], index: number) {
  const call = calls[index];
  if (!call) throw new Error(`no request ${index + 1}`);
  return call;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  forgetPageTags();
});

describe("cmsQuery", () => {
  it("names each operation by its id in the build's manifest", () => {
    const id = documentIdOf(LocalesDocument);
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Object.keys(manifest)).toContain(id);
  });

  it("sends the text by POST unless told to send ids", async () => {
    const calls = recordFetch(answer({ data: locales }));
    await expect(cmsQuery(LocalesDocument, {})).resolves.toEqual(locales);
    expect(nth(calls, 0).init.method).toBe("POST");
    expect(JSON.parse(nth(calls, 0).init.body as string).query).toContain("query Locales");
  });

  it("sends the id by GET with CMS_PERSISTED_DOCUMENTS", async () => {
    vi.stubEnv("CMS_PERSISTED_DOCUMENTS", "true");
    const calls = recordFetch(answer({ data: locales }));
    await expect(cmsQuery(LocalesDocument, {})).resolves.toEqual(locales);
    expect(calls).toHaveLength(1);
    const url = new URL(nth(calls, 0).url);
    expect(nth(calls, 0).init.method).toBe("GET");
    expect(url.searchParams.get("id")).toBe(documentIdOf(LocalesDocument));
    expect(url.searchParams.get("query")).toBeNull();
    expect(url.searchParams.get("operationName")).toBe("Locales");
  });

  it("falls back to the text when the CMS does not know the id", async () => {
    vi.stubEnv("CMS_PERSISTED_DOCUMENTS", "true");
    const unknown = { errors: [{ message: "Unknown document id", extensions: { code: "PERSISTED_DOCUMENT_NOT_FOUND" } }] };
    const calls = recordFetch(answer(unknown, 400), answer({ data: locales }));
    await expect(cmsQuery(LocalesDocument, {})).resolves.toEqual(locales);
    expect(calls).toHaveLength(2);
    expect(JSON.parse(nth(calls, 1).init.body as string).query).toContain("query Locales");
  });

  it("sends previews by POST, so their token never goes into a URL", async () => {
    vi.stubEnv("CMS_PERSISTED_DOCUMENTS", "true");
    const calls = recordFetch(answer({ data: locales }));
    await cmsQuery(LocalesDocument, {}, { noStore: true });
    expect(nth(calls, 0).init.method).toBe("POST");
    expect(JSON.parse(nth(calls, 0).init.body as string)).toMatchObject({ documentId: documentIdOf(LocalesDocument) });
  });
});

describe("cache tags of the CMS's answers", () => {
  it("names every page an answer shows: the page, its parents, translations and related pages", () => {
    const cause = fixtures.causeEn;
    const pages = [cause, cause.category!, cause.category!.index!, ...cause.translations, ...cause.relatedCauses];
    const expected = [...new Set(pages.map((p) => `page-${p.id}`))].sort();
    // References and blocks have ids too, but are no pages.
    expect(cause.references.length).toBeGreaterThan(0);
    expect(pageTagsOf({ cause }).sort()).toEqual(expected);
  });

  it("asks uncached first, then tags the cached request with the pages its answer showed", async () => {
    const inits: RequestInit[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        inits.push(init);
        return new Response(JSON.stringify({ data: { cause: fixtures.causeEn } }));
      }),
    );
    const variables = { slug: fixtures.causeEn.slug, locale: "en" };
    await cmsQuery(CausePageDocument, variables);
    await cmsQuery(CausePageDocument, variables);
    expect(inits[0]).toMatchObject({ cache: "no-store" });
    expect(inits[0]).not.toHaveProperty("next");
    const next = (inits[1] as RequestInit & { next: { tags: string[]; revalidate: number } }).next;
    expect(next.tags).toEqual(["cms", ...pageTagsOf({ cause: fixtures.causeEn })]);
    expect(next.revalidate).toBeGreaterThanOrEqual(600);
    expect(inits[1]).not.toHaveProperty("cache");
  });
});
