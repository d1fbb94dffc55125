interface Item {
  id: string | null;
  title: string;
  url: string | null;
  locale: string;
  servedLocale: string;
  summary?: string;
}

/** A list of linked pages (related causes, a category's causes, ...). */
export function PageList({ items, heading, headingId }: { items: Item[]; heading: string; headingId: string }) {
  const linked = items.filter((i) => i.url);
  if (linked.length === 0) return null;
  return (
    <section className="page-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ul>
        {linked.map((item) => {
          const fallback = item.servedLocale !== item.locale;
          return (
            <li key={item.id ?? item.url}>
              <a href={item.url as string} hrefLang={fallback ? item.servedLocale : undefined}>
                {item.title}
              </a>
              {item.summary ? <p lang={fallback ? item.servedLocale : undefined}>{item.summary}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
