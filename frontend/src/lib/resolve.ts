import {
  CategoryPageDocument,
  CausePageDocument,
  HubPageDocument,
  type CategoryPageQuery,
  type CausePageQuery,
  type HubPageQuery,
} from "@/graphql/generated/graphql";
import { cmsQuery } from "@/lib/cms";
import { type Locale, locatePath, pathFromSegments, unprefixedPath } from "@/lib/locales";

type Hub = NonNullable<HubPageQuery["causeIndex"]>;
type Category = NonNullable<CategoryPageQuery["causeCategory"]>;
type Cause = NonNullable<CausePageQuery["cause"]>;

const SLUG = /^[\p{L}\p{N}_-]{1,255}$/u;

export type ResolvedPage =
  | { kind: "hub"; page: Hub }
  | { kind: "category"; page: Category }
  | { kind: "cause"; page: Cause };

export interface Resolved {
  /** The language the reader asked for (the path's language). */
  locale: string;
  defaultLocale: string;
  path: string;
  resolved: ResolvedPage;
}

/**
 * Find the page whose `url` in the API is this path.
 *
 * The article's shape is fixed (hub / category / cause), so the depth of
 * the path says which of the contract's queries to send, and the page's
 * `url` must then be the path itself: a slug in the wrong place is a 404.
 * A page with no live translation in the path's language is served as the
 * API's labelled fallback when its own url is this path in another
 * language.
 */
export async function resolvePath(rawSegments: string[], locales: Locale[]): Promise<Resolved | null> {
  const { locale, defaultLocale, segments } = locatePath(rawSegments, locales);
  const path = pathFromSegments(rawSegments);
  const tail = pathFromSegments(segments);
  const matches = (page: { url: string | null; isFallback: boolean } | null | undefined) =>
    !!page?.url &&
    (page.url === path || (page.isFallback && unprefixedPath(page.url, locales) === tail));

  const slug = segments.at(-1);
  // Wagtail slugs are letters, digits, "-" and "_"; anything else is no page.
  if (!slug || !segments.every((s) => SLUG.test(s))) return null;
  for (const fallback of [false, true]) {
    if (fallback && locale === defaultLocale) break;
    let resolved: ResolvedPage | null = null;
    if (segments.length === 1) {
      const data = await cmsQuery(HubPageDocument, { locale, fallback });
      if (data.causeIndex && data.causeIndex.slug === slug && matches(data.causeIndex)) {
        resolved = { kind: "hub", page: data.causeIndex };
      }
    } else if (segments.length === 2) {
      const data = await cmsQuery(CategoryPageDocument, { slug, locale, fallback });
      if (matches(data.causeCategory) && data.causeCategory) {
        resolved = { kind: "category", page: data.causeCategory };
      }
    } else if (segments.length === 3) {
      const data = await cmsQuery(CausePageDocument, { slug, locale, fallback });
      if (matches(data.cause) && data.cause) {
        resolved = { kind: "cause", page: data.cause };
      }
    } else {
      return null;
    }
    if (resolved) return { locale, defaultLocale, path, resolved };
  }
  return null;
}
