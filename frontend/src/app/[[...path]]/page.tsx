import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticlePage } from "@/components/pages/ArticlePage";
import { cache } from "react";
import { HubPageDocument } from "@/graphql/generated/graphql";
import { cmsQuery, isCmsError } from "@/lib/cms";
import { decodeSegments } from "@/lib/locales";
import { type Resolved, resolvePath } from "@/lib/resolve";
import { getSite } from "@/lib/site";

interface Props {
  params: Promise<{ path?: string[] }>;
}

type Outcome = { resolved: Resolved } | { error: unknown } | null;

const load = cache(async (path: string[]): Promise<Outcome> => {
  const site = await getSite();
  if (site.error) return { error: site.error };
  const segments = decodeSegments(path);
  if (!segments) return null;
  try {
    const resolved = await resolvePath(segments, site.locales);
    return resolved ? { resolved } : null;
  } catch (error) {
    if (isCmsError(error)) return { error };
    throw error;
  }
});

/** The site root and a language's root lead to that language's article hub. */
async function hubUrl(locale: string): Promise<string | null> {
  const { causeIndex } = await cmsQuery(HubPageDocument, { locale }, { tags: ["hub"] });
  return causeIndex?.url ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { path = [] } = await params;
  const outcome = await load(path);
  if (!outcome || !("resolved" in outcome)) return {};
  const { resolved, locale, defaultLocale } = outcome.resolved;
  const { page } = resolved;
  const languages: Record<string, string> = {};
  if (!page.isFallback) {
    languages[locale] = outcome.resolved.path;
    for (const t of page.translations) if (t.url) languages[t.locale] = t.url;
    const xDefault = languages[defaultLocale];
    if (xDefault) languages["x-default"] = xDefault;
  }
  return {
    title: page.seoTitle || page.title,
    description: page.searchDescription || ("summary" in page ? page.summary : undefined) || undefined,
    alternates: {
      canonical: page.isFallback ? page.url : outcome.resolved.path,
      languages: Object.keys(languages).length > 1 ? languages : undefined,
    },
  };
}

export default async function Page({ params }: Props) {
  const { path = [] } = await params;
  const site = await getSite();
  if (!site.error && (path.length === 0 || (path.length === 1 && path[0] === site.locale && site.locale !== site.defaultLocale))) {
    const url = await hubUrl(site.locale).catch(() => null);
    if (url) redirect(url);
  }
  const outcome = await load(path);
  if (!outcome) notFound();
  // The proxy answers 503/502 when the CMS is down; an error here is rarer
  // (one query refused) and goes to the error page.
  if ("error" in outcome) throw outcome.error;
  const { resolved, locale, path: url } = outcome.resolved;
  return <ArticlePage resolved={resolved} ui={locale} path={url} locales={site.locales} />;
}
