// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import { fixtures } from "@/__fixtures__";
import { CausePageDocument } from "@/graphql/generated/graphql";
import { cmsQuery, forgetPageTags, pageTagsOf } from "./cms";

afterEach(() => {
  vi.unstubAllGlobals();
  forgetPageTags();
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
