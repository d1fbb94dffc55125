import type { ReactNode } from "react";
import { StreamField } from "@/components/blocks/StreamField";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { MedicalReviewBox } from "@/components/MedicalReviewBox";
import { PageList } from "@/components/PageList";
import { PublicHistory } from "@/components/PublicHistory";
import { References } from "@/components/References";
import { RichText } from "@/components/RichText";
import { TranslationNotice } from "@/components/TranslationNotice";
import { dictionaryFor } from "@/i18n/dictionaries";
import type { Locale } from "@/lib/locales";
import type { ResolvedPage } from "@/lib/resolve";

interface Props {
  resolved: ResolvedPage;
  /** The reader's language (the path's). */
  ui: string;
  path: string;
  locales: Locale[];
}

interface Crumb {
  title: string;
  url: string | null;
}

/** Hub, category and cause pages: one layout, the parts each type has. */
export function ArticlePage({ resolved, ui, path, locales }: Props) {
  const { page } = resolved;
  const dict = dictionaryFor(ui);
  const referenceNumbers = new Map(page.references.map((r) => [r.id, r.number]));
  const ctx = { ui, referenceNumbers };
  const contentLang = page.isFallback ? page.servedLocale : undefined;

  let crumbs: Crumb[] = [];
  let lead: ReactNode = null;
  let after: ReactNode = null;
  if (resolved.kind === "hub") {
    const hub = resolved.page;
    lead = <RichText html={hub.intro} ui={ui} className="rich-text intro" />;
    after = (
      <>
        <section className="page-list" aria-labelledby="categories-heading">
          <h2 id="categories-heading">{dict.categories}</h2>
          <ul>
            {hub.categories
              .filter((c) => c.url)
              .map((category) => (
                <li key={category.id ?? category.url}>
                  <h3>
                    <a href={category.url as string}>{category.title}</a>
                  </h3>
                  {category.summary ? <p>{category.summary}</p> : null}
                  <ul>
                    {category.causes
                      .filter((c) => c.url)
                      .map((cause) => (
                        <li key={cause.id ?? cause.url}>
                          <a href={cause.url as string}>{cause.title}</a>
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
          </ul>
        </section>
        {hub.supportNote ? <RichText html={hub.supportNote} ui={ui} className="rich-text support-note" /> : null}
        {hub.outlookHeading || hub.outlook ? (
          <section className="outlook" aria-labelledby="outlook-heading">
            {hub.outlookHeading ? <h2 id="outlook-heading">{hub.outlookHeading}</h2> : null}
            <RichText html={hub.outlook} ui={ui} />
          </section>
        ) : null}
      </>
    );
  } else if (resolved.kind === "category") {
    const category = resolved.page;
    crumbs = [category.index];
    lead = category.summary ? <p className="summary">{category.summary}</p> : null;
    after = <PageList items={category.causes} heading={dict.causesInCategory} headingId="causes-heading" />;
  } else {
    const cause = resolved.page;
    crumbs = [cause.category.index, cause.category];
    lead = cause.summary ? <p className="summary">{cause.summary}</p> : null;
    after = <PageList items={cause.relatedCauses} heading={dict.relatedCauses} headingId="related-heading" />;
  }

  return (
    <>
      <LanguageSwitcher
        current={ui}
        currentUrl={path}
        translations={page.isFallback ? [] : page.translations}
        locales={locales}
      />
      {crumbs.length > 0 ? (
        <nav className="breadcrumbs" aria-label={dict.breadcrumbs}>
          <ol>
            {crumbs.map((c) => (
              <li key={c.url ?? c.title}>{c.url ? <a href={c.url}>{c.title}</a> : c.title}</li>
            ))}
          </ol>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        <TranslationNotice
          ui={ui}
          servedLocale={page.servedLocale}
          sourceLocale={page.sourceLocale}
          isFallback={page.isFallback}
          isPartialTranslation={page.isPartialTranslation}
        />
        <article lang={contentLang}>
          <h1>{page.title}</h1>
          {lead}
          <StreamField
            blocks={page.body}
            ctx={ctx}
            untranslatedParts={page.untranslatedParts}
            sourceLocale={page.sourceLocale}
          />
          <References references={page.references} ui={ui} />
          <MedicalReviewBox review={page.medicalReview} ui={ui} />
          <PublicHistory history={page.history} ui={ui} />
        </article>
        <div lang={contentLang}>{after}</div>
      </main>
    </>
  );
}
