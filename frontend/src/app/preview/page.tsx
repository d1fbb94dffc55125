import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PreviewBanner } from "@/components/PreviewBanner";
import { ArticlePage } from "@/components/pages/ArticlePage";
import { cmsQuery } from "@/lib/cms";
import { type PreviewedPage, previewDocument, previewParams, resolvedPreview, PREVIEW_PATH } from "@/lib/preview";
import { getSite } from "@/lib/site";

// A draft is rendered for each request and never stored: not by Next.js
// (force-dynamic, fetch with cache: "no-store"), not by browsers or proxies
// (the proxy answers with Cache-Control: private, no-store).
export const dynamic = "force-dynamic";
export const fetchCache = "force-no-store";

export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The admin's Preview: the draft behind the token, through the same
 * components as the live page, marked as a preview. The proxy has already
 * answered an expired or forged token with the expiry page; a token that
 * expires in between is a 404.
 */
export default async function PreviewRoute({ searchParams }: Props) {
  const params = previewParams(await searchParams);
  const document = previewDocument(params?.contentType ?? null);
  if (!params || !document) notFound();
  const site = await getSite();
  const { page } = await cmsQuery<{ page: PreviewedPage | null }, { token: string; locale: string | null }>(
    document,
    { token: params.token, locale: params.locale },
    { noStore: true },
  );
  const resolved = resolvedPreview(page);
  if (!resolved) notFound();
  const ui = resolved.page.locale;
  return (
    <>
      <PreviewBanner ui={ui} />
      <ArticlePage resolved={resolved} ui={ui} path={resolved.page.url ?? PREVIEW_PATH} locales={site.locales} />
    </>
  );
}
