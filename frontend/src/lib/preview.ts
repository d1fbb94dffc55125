import {
  PreviewCategoryDocument,
  PreviewCauseDocument,
  PreviewHubDocument,
  type PreviewCategoryQuery,
  type PreviewCauseQuery,
  type PreviewHubQuery,
} from "@/graphql/generated/graphql";
import { dictionaryFor } from "@/i18n/dictionaries";
import type { ResolvedPage } from "@/lib/resolve";

/** The frontend's preview route, where the CMS's Preview button leads. */
export const PREVIEW_PATH = "/preview/";

export interface PreviewParams {
  token: string;
  locale: string | null;
  contentType: string | null;
}

type Search = Record<string, string | string[] | undefined> | URLSearchParams;

function first(search: Search, name: string): string | null {
  const value = search instanceof URLSearchParams ? search.get(name) : search[name];
  const one = Array.isArray(value) ? value[0] : value;
  return one ? one : null;
}

/**
 * The query string the CMS gives a preview link:
 * `?content_type=content.causepage&token=...&locale=de`.
 */
export function previewParams(search: Search): PreviewParams | null {
  const token = first(search, "token");
  if (!token || token.length > 2_000) return null;
  const locale = first(search, "locale");
  return {
    token,
    locale: locale && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(locale) ? locale : null,
    contentType: first(search, "content_type"),
  };
}

/** The operation for each page type, by the content type the link names. */
export const PREVIEW_DOCUMENTS = {
  "content.causeindexpage": PreviewHubDocument,
  "content.causecategorypage": PreviewCategoryDocument,
  "content.causepage": PreviewCauseDocument,
} as const;

export function previewDocument(contentType: string | null) {
  return contentType && Object.hasOwn(PREVIEW_DOCUMENTS, contentType)
    ? PREVIEW_DOCUMENTS[contentType as keyof typeof PREVIEW_DOCUMENTS]
    : null;
}

export type PreviewedPage = NonNullable<
  PreviewHubQuery["page"] | PreviewCategoryQuery["page"] | PreviewCauseQuery["page"]
>;

/** The previewed draft as one of the article's page kinds (or null). */
export function resolvedPreview(page: PreviewedPage | null | undefined): ResolvedPage | null {
  if (!page) return null;
  switch (page.__typename) {
    case "CauseIndexPage":
      return "intro" in page ? { kind: "hub", page } : null;
    case "CauseCategoryPage":
      return "causes" in page ? { kind: "category", page } : null;
    case "CausePage":
      return "relatedCauses" in page ? { kind: "cause", page } : null;
    default:
      return null;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page an expired, forged or incomplete preview link gets, in the
 * draft's language: a whole document, answered by the proxy with 410.
 */
export function previewExpiredHtml(locale: string): string {
  const dict = dictionaryFor(locale);
  const title = escapeHtml(dict.previewExpiredTitle);
  return `<!doctype html><html lang="${escapeHtml(dict.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head><body><main><h1>${title}</h1><p>${escapeHtml(dict.previewExpiredText)}</p></main></body></html>`;
}
