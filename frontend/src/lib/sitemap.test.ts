import { describe, expect, it } from "vitest";
import { fixtures } from "@/__fixtures__";
import { sitemapItems } from "./sitemap";

describe("sitemap", () => {
  const base = "https://www.example.org";
  const items = sitemapItems(fixtures.sitemaps, "en", base);

  it("lists every live page of every language once, as an absolute address", () => {
    const urls = items.map((i) => i.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain(`${base}${fixtures.causeEn.url}`);
    expect(urls).toContain(`${base}${fixtures.causeDe.url}`);
    expect(urls).toContain(`${base}${fixtures.hubDe.url}`);
    const causes = fixtures.hubEn.categories.flatMap((c) => c.causes);
    expect(items.length).toBeGreaterThanOrEqual(1 + fixtures.hubEn.categories.length + causes.length);
  });

  it("gives each page its language versions and x-default", () => {
    const german = items.find((i) => i.url === `${base}${fixtures.causeDe.url}`);
    expect(german?.languages).toEqual({
      de: `${base}${fixtures.causeDe.url}`,
      en: `${base}${fixtures.causeEn.url}`,
      "x-default": `${base}${fixtures.causeEn.url}`,
    });
  });
});
