import { afterEach, describe, expect, it, vi } from "vitest";
import { rewriteLinks } from "./richtext";

describe("rich-text links", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("leaves page links alone: the API's url is the frontend's address", () => {
    const html = '<p><a href="/de/causes/x/" hreflang="de">x</a></p>';
    expect(rewriteLinks(html, "(external link)")).toBe(html);
  });

  it("makes absolute links to the CMS's pages relative, but not its media", () => {
    vi.stubEnv("CMS_GRAPHQL_URL", "https://cms.example.org/graphql/");
    const html = '<a href="https://cms.example.org/causes/x/">x</a> <a href="https://cms.example.org/media/a.pdf">a</a>';
    const out = rewriteLinks(html, "(external)");
    expect(out).toContain('<a href="/causes/x/">x</a>');
    expect(out).toContain('href="https://cms.example.org/media/a.pdf" rel="external noopener noreferrer"');
  });

  it("marks external links and drops a target the editor set", () => {
    const out = rewriteLinks('<a href="https://example.org/" target="_blank">e</a>', "(external link)");
    expect(out).toBe(
      '<a href="https://example.org/" rel="external noopener noreferrer" data-external="true">e<span class="visually-hidden"> (external link)</span></a>',
    );
  });

  it("keeps a link without a target (a page the reader may not see) as it is", () => {
    expect(rewriteLinks("<a>hidden</a>", "(x)")).toBe("<a>hidden</a>");
  });
});
