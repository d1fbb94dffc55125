import type { Block } from "./types";

export function PageLink({ block }: { block: Block<"PageLinkBlock"> }) {
  const { page } = block;
  // A page the reader may not see (or that is gone) comes back as null.
  if (!page?.url) return null;
  const summary = "summary" in page ? page.summary : null;
  const hrefLang = page.servedLocale !== page.locale ? page.servedLocale : undefined;
  return (
    <p className="block-page-link">
      <a href={page.url} hrefLang={hrefLang}>
        {block.linkText || page.title}
      </a>
      {summary ? <span className="page-link-summary">{summary}</span> : null}
    </p>
  );
}
