import type { SitemapEntryFragment, SitemapQuery } from "@/graphql/generated/graphql";

export interface SitemapItem {
  url: string;
  lastModified?: string;
  /** Every live language version of the page, itself included, plus x-default. */
  languages: Record<string, string>;
}

/** Every live page of every language's tree, once, with its alternates. */
export function sitemapItems(trees: SitemapQuery[], defaultLocale: string, base: string): SitemapItem[] {
  const pages: SitemapEntryFragment[] = trees.flatMap(({ causeIndex }) =>
    causeIndex ? [causeIndex, ...causeIndex.categories.flatMap((c) => [c, ...c.causes])] : [],
  );
  const seen = new Set<string>();
  const items: SitemapItem[] = [];
  for (const page of pages) {
    if (!page.url || seen.has(page.url)) continue;
    seen.add(page.url);
    const languages: Record<string, string> = { [page.locale]: new URL(page.url, base).href };
    for (const t of page.translations) if (t.url) languages[t.locale] = new URL(t.url, base).href;
    const xDefault = languages[defaultLocale];
    if (xDefault) languages["x-default"] = xDefault;
    items.push({ url: new URL(page.url, base).href, lastModified: page.lastPublishedAt ?? undefined, languages });
  }
  return items;
}
