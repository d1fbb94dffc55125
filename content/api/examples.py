"""The API contract's example queries, in one place for the tests and the
benchmark.

No imports: the benchmark uses this module outside Django.
"""

#: The smallest whole-article request of the API contract, verbatim. The
#: benchmark sends it.
ARTICLE_QUERY = """query Article($locale: String) {
  causeIndex(locale: $locale) {
    title
    intro
    categories {
      title
      slug
      causes {
        title
        slug
        summary
        body { blockType field }
      }
    }
  }
  siteChrome(locale: $locale) { disclaimer contactEmail copyright }
}"""

#: The whole article as a frontend reads it: each page's URL, locale and
#: translations, related causes, and the typed fields of the body blocks the
#: article uses. Its SQL count and its cost under the query limits are pinned
#: by the tests.
FULL_ARTICLE_QUERY = """
query Article($locale: String) {
  causeIndex(locale: $locale) {
    title url locale intro supportNote outlook
    body { blockType }
    translations { locale }
    categories {
      title slug url locale
      body { blockType ... on RichTextBlock { value } }
      causes {
        title slug summary url locale lastPublishedAt
        category { slug }
        relatedCauses { slug url }
        translations { locale }
        body {
          blockType field
          ... on RichTextBlock { value }
          ... on PageLinkBlock { linkText page { title url } }
          ... on CalloutBlock { message }
          ... on TreatmentBlock { description }
          ... on FAQBlock { answer }
        }
      }
    }
  }
  siteChrome(locale: $locale) { disclaimer contactEmail copyright }
}
"""
