// Answers the CMS gave to the frontend's own operations (recorded with
// scripts/record-fixtures.mjs), typed as the generated operation types.
import type {
  BodyBlockFragment,
  CategoryPageQuery,
  CausePageQuery,
  HubPageQuery,
  LocalesQuery,
  SiteChromeQuery,
  SitemapQuery,
} from "@/graphql/generated/graphql";
import categoryEn from "./category-en.json";
import causeDe from "./cause-de.json";
import causeEn from "./cause-en.json";
import causeFrFallback from "./cause-fr-fallback.json";
import chromeDe from "./chrome-de.json";
import chromeEn from "./chrome-en.json";
import hubDe from "./hub-de.json";
import hubEn from "./hub-en.json";
import locales from "./locales.json";
import sitemapDe from "./sitemap-de.json";
import sitemapEn from "./sitemap-en.json";

type Cause = NonNullable<CausePageQuery["cause"]>;

export const fixtures = {
  locales: (locales as LocalesQuery).locales,
  chromeEn: (chromeEn as SiteChromeQuery).siteChrome!,
  chromeDe: (chromeDe as SiteChromeQuery).siteChrome!,
  hubEn: (hubEn as unknown as HubPageQuery).causeIndex!,
  hubDe: (hubDe as unknown as HubPageQuery).causeIndex!,
  categoryEn: (categoryEn as unknown as CategoryPageQuery).causeCategory!,
  causeEn: (causeEn as unknown as CausePageQuery).cause!,
  causeDe: (causeDe as unknown as CausePageQuery).cause!,
  causeFrFallback: (causeFrFallback as unknown as CausePageQuery).cause!,
  sitemaps: [sitemapEn as SitemapQuery, sitemapDe as SitemapQuery],
};

/** The recorded blocks of one type, in body order (the English cause first). */
export function blocksOf<T extends BodyBlockFragment["__typename"]>(
  typename: T,
  pages: { body: BodyBlockFragment[] }[] = [fixtures.causeEn, fixtures.hubEn],
): Extract<BodyBlockFragment, { __typename: T }>[] {
  return pages
    .flatMap((p) => p.body)
    .filter((b): b is Extract<BodyBlockFragment, { __typename: T }> => b.__typename === typename);
}

export type { Cause };
