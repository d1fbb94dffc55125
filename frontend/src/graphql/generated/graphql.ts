/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ParagraphBlockFieldsFragment = { value: string };

export type HeadingBlockFieldsFragment = { text: string, level: string };

export type BulletListBlockFieldsFragment = { items: Array<string> };

export type CalloutBlockFieldsFragment = { kind: string, title: string, message: string };

export type TreatmentBlockFieldsFragment = { title: string, description: string };

export type QuoteBlockFieldsFragment = { text: string, attribution: string | null };

export type ImageBlockFieldsFragment = { altText: string, caption: string | null, image: { id: string, width: number, height: number, isSvg: boolean, srcSet: string | null, rendition: { url: string, width: number, height: number } | null } };

export type FaqBlockFieldsFragment = { question: string, answer: string };

export type PageLinkBlockFieldsFragment = { linkText: string | null, page:
    | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
    | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
    | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
    | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
   | null };

export type ReferenceBlockFieldsFragment = { authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null };

type BodyBlock_BlockQuoteBlock_Fragment = { __typename: 'BlockQuoteBlock', id: string | null, blockType: string };

type BodyBlock_BooleanBlock_Fragment = { __typename: 'BooleanBlock', id: string | null, blockType: string };

type BodyBlock_BulletListBlock_Fragment = { __typename: 'BulletListBlock', id: string | null, blockType: string, items: Array<string> };

type BodyBlock_CalloutBlock_Fragment = { __typename: 'CalloutBlock', id: string | null, blockType: string, kind: string, title: string, message: string };

type BodyBlock_CharBlock_Fragment = { __typename: 'CharBlock', id: string | null, blockType: string };

type BodyBlock_ChoiceBlock_Fragment = { __typename: 'ChoiceBlock', id: string | null, blockType: string };

type BodyBlock_DateBlock_Fragment = { __typename: 'DateBlock', id: string | null, blockType: string };

type BodyBlock_DateTimeBlock_Fragment = { __typename: 'DateTimeBlock', id: string | null, blockType: string };

type BodyBlock_DecimalBlock_Fragment = { __typename: 'DecimalBlock', id: string | null, blockType: string };

type BodyBlock_DocumentChooserBlock_Fragment = { __typename: 'DocumentChooserBlock', id: string | null, blockType: string };

type BodyBlock_EmailBlock_Fragment = { __typename: 'EmailBlock', id: string | null, blockType: string };

type BodyBlock_EmbedBlock_Fragment = { __typename: 'EmbedBlock', id: string | null, blockType: string };

type BodyBlock_FaqBlock_Fragment = { __typename: 'FAQBlock', id: string | null, blockType: string, question: string, answer: string };

type BodyBlock_FloatBlock_Fragment = { __typename: 'FloatBlock', id: string | null, blockType: string };

type BodyBlock_HeadingBlock_Fragment = { __typename: 'HeadingBlock', id: string | null, blockType: string, text: string, level: string };

type BodyBlock_ImageBlock_Fragment = { __typename: 'ImageBlock', id: string | null, blockType: string, altText: string, caption: string | null, image: { id: string, width: number, height: number, isSvg: boolean, srcSet: string | null, rendition: { url: string, width: number, height: number } | null } };

type BodyBlock_ImageChooserBlock_Fragment = { __typename: 'ImageChooserBlock', id: string | null, blockType: string };

type BodyBlock_IntegerBlock_Fragment = { __typename: 'IntegerBlock', id: string | null, blockType: string };

type BodyBlock_ListBlock_Fragment = { __typename: 'ListBlock', id: string | null, blockType: string };

type BodyBlock_PageChooserBlock_Fragment = { __typename: 'PageChooserBlock', id: string | null, blockType: string };

type BodyBlock_PageLinkBlock_Fragment = { __typename: 'PageLinkBlock', id: string | null, blockType: string, linkText: string | null, page:
    | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
    | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
    | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
    | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
   | null };

type BodyBlock_QuoteBlock_Fragment = { __typename: 'QuoteBlock', id: string | null, blockType: string, text: string, attribution: string | null };

type BodyBlock_RawHtmlBlock_Fragment = { __typename: 'RawHTMLBlock', id: string | null, blockType: string };

type BodyBlock_ReferenceBlock_Fragment = { __typename: 'ReferenceBlock', id: string | null, blockType: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null };

type BodyBlock_RegexBlock_Fragment = { __typename: 'RegexBlock', id: string | null, blockType: string };

type BodyBlock_RichTextBlock_Fragment = { __typename: 'RichTextBlock', id: string | null, blockType: string, value: string };

type BodyBlock_SnippetChooserBlock_Fragment = { __typename: 'SnippetChooserBlock', id: string | null, blockType: string };

type BodyBlock_StaticBlock_Fragment = { __typename: 'StaticBlock', id: string | null, blockType: string };

type BodyBlock_StreamBlock_Fragment = { __typename: 'StreamBlock', id: string | null, blockType: string };

type BodyBlock_StreamFieldBlock_Fragment = { __typename: 'StreamFieldBlock', id: string | null, blockType: string };

type BodyBlock_StructBlock_Fragment = { __typename: 'StructBlock', id: string | null, blockType: string };

type BodyBlock_TextBlock_Fragment = { __typename: 'TextBlock', id: string | null, blockType: string };

type BodyBlock_TimeBlock_Fragment = { __typename: 'TimeBlock', id: string | null, blockType: string };

type BodyBlock_TreatmentBlock_Fragment = { __typename: 'TreatmentBlock', id: string | null, blockType: string, title: string, description: string };

type BodyBlock_UrlBlock_Fragment = { __typename: 'URLBlock', id: string | null, blockType: string };

export type BodyBlockFragment =
  | BodyBlock_BlockQuoteBlock_Fragment
  | BodyBlock_BooleanBlock_Fragment
  | BodyBlock_BulletListBlock_Fragment
  | BodyBlock_CalloutBlock_Fragment
  | BodyBlock_CharBlock_Fragment
  | BodyBlock_ChoiceBlock_Fragment
  | BodyBlock_DateBlock_Fragment
  | BodyBlock_DateTimeBlock_Fragment
  | BodyBlock_DecimalBlock_Fragment
  | BodyBlock_DocumentChooserBlock_Fragment
  | BodyBlock_EmailBlock_Fragment
  | BodyBlock_EmbedBlock_Fragment
  | BodyBlock_FaqBlock_Fragment
  | BodyBlock_FloatBlock_Fragment
  | BodyBlock_HeadingBlock_Fragment
  | BodyBlock_ImageBlock_Fragment
  | BodyBlock_ImageChooserBlock_Fragment
  | BodyBlock_IntegerBlock_Fragment
  | BodyBlock_ListBlock_Fragment
  | BodyBlock_PageChooserBlock_Fragment
  | BodyBlock_PageLinkBlock_Fragment
  | BodyBlock_QuoteBlock_Fragment
  | BodyBlock_RawHtmlBlock_Fragment
  | BodyBlock_ReferenceBlock_Fragment
  | BodyBlock_RegexBlock_Fragment
  | BodyBlock_RichTextBlock_Fragment
  | BodyBlock_SnippetChooserBlock_Fragment
  | BodyBlock_StaticBlock_Fragment
  | BodyBlock_StreamBlock_Fragment
  | BodyBlock_StreamFieldBlock_Fragment
  | BodyBlock_StructBlock_Fragment
  | BodyBlock_TextBlock_Fragment
  | BodyBlock_TimeBlock_Fragment
  | BodyBlock_TreatmentBlock_Fragment
  | BodyBlock_UrlBlock_Fragment
;

export type CategoryPageQueryVariables = Exact<{
  slug: string;
  locale: string;
  fallback?: boolean | null | undefined;
}>;


export type CategoryPageQuery = { causeCategory: { summary: string, id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, body: Array<
      | { __typename: 'BlockQuoteBlock', id: string | null, blockType: string }
      | { __typename: 'BooleanBlock', id: string | null, blockType: string }
      | { __typename: 'BulletListBlock', id: string | null, blockType: string, items: Array<string> }
      | { __typename: 'CalloutBlock', id: string | null, blockType: string, kind: string, title: string, message: string }
      | { __typename: 'CharBlock', id: string | null, blockType: string }
      | { __typename: 'ChoiceBlock', id: string | null, blockType: string }
      | { __typename: 'DateBlock', id: string | null, blockType: string }
      | { __typename: 'DateTimeBlock', id: string | null, blockType: string }
      | { __typename: 'DecimalBlock', id: string | null, blockType: string }
      | { __typename: 'DocumentChooserBlock', id: string | null, blockType: string }
      | { __typename: 'EmailBlock', id: string | null, blockType: string }
      | { __typename: 'EmbedBlock', id: string | null, blockType: string }
      | { __typename: 'FAQBlock', id: string | null, blockType: string, question: string, answer: string }
      | { __typename: 'FloatBlock', id: string | null, blockType: string }
      | { __typename: 'HeadingBlock', id: string | null, blockType: string, text: string, level: string }
      | { __typename: 'ImageBlock', id: string | null, blockType: string, altText: string, caption: string | null, image: { id: string, width: number, height: number, isSvg: boolean, srcSet: string | null, rendition: { url: string, width: number, height: number } | null } }
      | { __typename: 'ImageChooserBlock', id: string | null, blockType: string }
      | { __typename: 'IntegerBlock', id: string | null, blockType: string }
      | { __typename: 'ListBlock', id: string | null, blockType: string }
      | { __typename: 'PageChooserBlock', id: string | null, blockType: string }
      | { __typename: 'PageLinkBlock', id: string | null, blockType: string, linkText: string | null, page:
          | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
          | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
          | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
          | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
         | null }
      | { __typename: 'QuoteBlock', id: string | null, blockType: string, text: string, attribution: string | null }
      | { __typename: 'RawHTMLBlock', id: string | null, blockType: string }
      | { __typename: 'ReferenceBlock', id: string | null, blockType: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null }
      | { __typename: 'RegexBlock', id: string | null, blockType: string }
      | { __typename: 'RichTextBlock', id: string | null, blockType: string, value: string }
      | { __typename: 'SnippetChooserBlock', id: string | null, blockType: string }
      | { __typename: 'StaticBlock', id: string | null, blockType: string }
      | { __typename: 'StreamBlock', id: string | null, blockType: string }
      | { __typename: 'StreamFieldBlock', id: string | null, blockType: string }
      | { __typename: 'StructBlock', id: string | null, blockType: string }
      | { __typename: 'TextBlock', id: string | null, blockType: string }
      | { __typename: 'TimeBlock', id: string | null, blockType: string }
      | { __typename: 'TreatmentBlock', id: string | null, blockType: string, title: string, description: string }
      | { __typename: 'URLBlock', id: string | null, blockType: string }
    >, index: { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }, causes: Array<{ summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }>, medicalReview: { reviewedBy: string | null, credentials: string | null, lastReviewed: string | null, nextReviewDue: string | null, isOverdue: boolean }, references: Array<{ number: number, id: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null, doiUrl: string | null, pubmedUrl: string | null }>, history: Array<{ publishedAt: string, changeNote: string }>, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
      | { id: string | null, locale: string, url: string | null, title: string }
      | { id: string | null, locale: string, url: string | null, title: string }
      | { id: string | null, locale: string, url: string | null, title: string }
      | { id: string | null, locale: string, url: string | null, title: string }
    > } | null };

export type CausePageQueryVariables = Exact<{
  slug: string;
  locale: string;
  fallback?: boolean | null | undefined;
}>;


export type CausePageQuery = { cause: { summary: string, id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, body: Array<
      | { __typename: 'BlockQuoteBlock', id: string | null, blockType: string }
      | { __typename: 'BooleanBlock', id: string | null, blockType: string }
      | { __typename: 'BulletListBlock', id: string | null, blockType: string, items: Array<string> }
      | { __typename: 'CalloutBlock', id: string | null, blockType: string, kind: string, title: string, message: string }
      | { __typename: 'CharBlock', id: string | null, blockType: string }
      | { __typename: 'ChoiceBlock', id: string | null, blockType: string }
      | { __typename: 'DateBlock', id: string | null, blockType: string }
      | { __typename: 'DateTimeBlock', id: string | null, blockType: string }
      | { __typename: 'DecimalBlock', id: string | null, blockType: string }
      | { __typename: 'DocumentChooserBlock', id: string | null, blockType: string }
      | { __typename: 'EmailBlock', id: string | null, blockType: string }
      | { __typename: 'EmbedBlock', id: string | null, blockType: string }
      | { __typename: 'FAQBlock', id: string | null, blockType: string, question: string, answer: string }
      | { __typename: 'FloatBlock', id: string | null, blockType: string }
      | { __typename: 'HeadingBlock', id: string | null, blockType: string, text: string, level: string }
      | { __typename: 'ImageBlock', id: string | null, blockType: string, altText: string, caption: string | null, image: { id: string, width: number, height: number, isSvg: boolean, srcSet: string | null, rendition: { url: string, width: number, height: number } | null } }
      | { __typename: 'ImageChooserBlock', id: string | null, blockType: string }
      | { __typename: 'IntegerBlock', id: string | null, blockType: string }
      | { __typename: 'ListBlock', id: string | null, blockType: string }
      | { __typename: 'PageChooserBlock', id: string | null, blockType: string }
      | { __typename: 'PageLinkBlock', id: string | null, blockType: string, linkText: string | null, page:
          | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
          | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
          | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
          | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
         | null }
      | { __typename: 'QuoteBlock', id: string | null, blockType: string, text: string, attribution: string | null }
      | { __typename: 'RawHTMLBlock', id: string | null, blockType: string }
      | { __typename: 'ReferenceBlock', id: string | null, blockType: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null }
      | { __typename: 'RegexBlock', id: string | null, blockType: string }
      | { __typename: 'RichTextBlock', id: string | null, blockType: string, value: string }
      | { __typename: 'SnippetChooserBlock', id: string | null, blockType: string }
      | { __typename: 'StaticBlock', id: string | null, blockType: string }
      | { __typename: 'StreamBlock', id: string | null, blockType: string }
      | { __typename: 'StreamFieldBlock', id: string | null, blockType: string }
      | { __typename: 'StructBlock', id: string | null, blockType: string }
      | { __typename: 'TextBlock', id: string | null, blockType: string }
      | { __typename: 'TimeBlock', id: string | null, blockType: string }
      | { __typename: 'TreatmentBlock', id: string | null, blockType: string, title: string, description: string }
      | { __typename: 'URLBlock', id: string | null, blockType: string }
    >, category: { id: string | null, title: string, url: string | null, locale: string, servedLocale: string, index: { id: string | null, title: string, url: string | null, locale: string, servedLocale: string } }, relatedCauses: Array<{ summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }>, medicalReview: { reviewedBy: string | null, credentials: string | null, lastReviewed: string | null, nextReviewDue: string | null, isOverdue: boolean }, references: Array<{ number: number, id: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null, doiUrl: string | null, pubmedUrl: string | null }>, history: Array<{ publishedAt: string, changeNote: string }>, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
      | { id: string | null, locale: string, url: string | null, title: string }
      | { id: string | null, locale: string, url: string | null, title: string }
      | { id: string | null, locale: string, url: string | null, title: string }
      | { id: string | null, locale: string, url: string | null, title: string }
    > } | null };

export type SiteChromeQueryVariables = Exact<{
  locale: string;
}>;


export type SiteChromeQuery = { siteChrome: { organisationName: string, disclaimer: string, contactEmail: string, registeredIn: string, copyright: string } | null };

export type HubPageQueryVariables = Exact<{
  locale: string;
  fallback?: boolean | null | undefined;
}>;


export type HubPageQuery = { causeIndex: { intro: string, supportNote: string, outlookHeading: string, outlook: string, id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, body: Array<
      | { __typename: 'BlockQuoteBlock', id: string | null, blockType: string }
      | { __typename: 'BooleanBlock', id: string | null, blockType: string }
      | { __typename: 'BulletListBlock', id: string | null, blockType: string, items: Array<string> }
      | { __typename: 'CalloutBlock', id: string | null, blockType: string, kind: string, title: string, message: string }
      | { __typename: 'CharBlock', id: string | null, blockType: string }
      | { __typename: 'ChoiceBlock', id: string | null, blockType: string }
      | { __typename: 'DateBlock', id: string | null, blockType: string }
      | { __typename: 'DateTimeBlock', id: string | null, blockType: string }
      | { __typename: 'DecimalBlock', id: string | null, blockType: string }
      | { __typename: 'DocumentChooserBlock', id: string | null, blockType: string }
      | { __typename: 'EmailBlock', id: string | null, blockType: string }
      | { __typename: 'EmbedBlock', id: string | null, blockType: string }
      | { __typename: 'FAQBlock', id: string | null, blockType: string, question: string, answer: string }
      | { __typename: 'FloatBlock', id: string | null, blockType: string }
      | { __typename: 'HeadingBlock', id: string | null, blockType: string, text: string, level: string }
      | { __typename: 'ImageBlock', id: string | null, blockType: string, altText: string, caption: string | null, image: { id: string, width: number, height: number, isSvg: boolean, srcSet: string | null, rendition: { url: string, width: number, height: number } | null } }
      | { __typename: 'ImageChooserBlock', id: string | null, blockType: string }
      | { __typename: 'IntegerBlock', id: string | null, blockType: string }
      | { __typename: 'ListBlock', id: string | null, blockType: string }
      | { __typename: 'PageChooserBlock', id: string | null, blockType: string }
      | { __typename: 'PageLinkBlock', id: string | null, blockType: string, linkText: string | null, page:
          | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
          | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
          | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
          | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
         | null }
      | { __typename: 'QuoteBlock', id: string | null, blockType: string, text: string, attribution: string | null }
      | { __typename: 'RawHTMLBlock', id: string | null, blockType: string }
      | { __typename: 'ReferenceBlock', id: string | null, blockType: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null }
      | { __typename: 'RegexBlock', id: string | null, blockType: string }
      | { __typename: 'RichTextBlock', id: string | null, blockType: string, value: string }
      | { __typename: 'SnippetChooserBlock', id: string | null, blockType: string }
      | { __typename: 'StaticBlock', id: string | null, blockType: string }
      | { __typename: 'StreamBlock', id: string | null, blockType: string }
      | { __typename: 'StreamFieldBlock', id: string | null, blockType: string }
      | { __typename: 'StructBlock', id: string | null, blockType: string }
      | { __typename: 'TextBlock', id: string | null, blockType: string }
      | { __typename: 'TimeBlock', id: string | null, blockType: string }
      | { __typename: 'TreatmentBlock', id: string | null, blockType: string, title: string, description: string }
      | { __typename: 'URLBlock', id: string | null, blockType: string }
    >, categories: Array<{ summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string, causes: Array<{ summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }> }>, medicalReview: { reviewedBy: string | null, credentials: string | null, lastReviewed: string | null, nextReviewDue: string | null, isOverdue: boolean }, references: Array<{ number: number, id: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null, doiUrl: string | null, pubmedUrl: string | null }>, history: Array<{ publishedAt: string, changeNote: string }>, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
      | { id: string | null, locale: string, url: string | null, title: string }
      | { id: string | null, locale: string, url: string | null, title: string }
      | { id: string | null, locale: string, url: string | null, title: string }
      | { id: string | null, locale: string, url: string | null, title: string }
    > } | null };

export type LocalesQueryVariables = Exact<{ [key: string]: never; }>;


export type LocalesQuery = { locales: Array<{ code: string, name: string, isDefault: boolean }> };

type PageMeta_CauseCategoryPage_Fragment = { id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
  > };

type PageMeta_CauseIndexPage_Fragment = { id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
  > };

type PageMeta_CausePage_Fragment = { id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
  > };

type PageMeta_Page_Fragment = { id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
    | { id: string | null, locale: string, url: string | null, title: string }
  > };

export type PageMetaFragment =
  | PageMeta_CauseCategoryPage_Fragment
  | PageMeta_CauseIndexPage_Fragment
  | PageMeta_CausePage_Fragment
  | PageMeta_Page_Fragment
;

type PageSummary_CauseCategoryPage_Fragment = { id: string | null, title: string, url: string | null, locale: string, servedLocale: string };

type PageSummary_CauseIndexPage_Fragment = { id: string | null, title: string, url: string | null, locale: string, servedLocale: string };

type PageSummary_CausePage_Fragment = { id: string | null, title: string, url: string | null, locale: string, servedLocale: string };

type PageSummary_Page_Fragment = { id: string | null, title: string, url: string | null, locale: string, servedLocale: string };

export type PageSummaryFragment =
  | PageSummary_CauseCategoryPage_Fragment
  | PageSummary_CauseIndexPage_Fragment
  | PageSummary_CausePage_Fragment
  | PageSummary_Page_Fragment
;

export type MedicalReviewFieldsFragment = { reviewedBy: string | null, credentials: string | null, lastReviewed: string | null, nextReviewDue: string | null, isOverdue: boolean };

export type ReferenceFieldsFragment = { number: number, id: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null, doiUrl: string | null, pubmedUrl: string | null };

export type HistoryFieldsFragment = { publishedAt: string, changeNote: string };

export type SiteChromeFieldsFragment = { organisationName: string, disclaimer: string, contactEmail: string, registeredIn: string, copyright: string };

export type PreviewHubQueryVariables = Exact<{
  token: string;
  locale?: string | null | undefined;
}>;


export type PreviewHubQuery = { page:
    | { __typename: 'CauseCategoryPage', id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
    | { __typename: 'CauseIndexPage', intro: string, supportNote: string, outlookHeading: string, outlook: string, id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, body: Array<
        | { __typename: 'BlockQuoteBlock', id: string | null, blockType: string }
        | { __typename: 'BooleanBlock', id: string | null, blockType: string }
        | { __typename: 'BulletListBlock', id: string | null, blockType: string, items: Array<string> }
        | { __typename: 'CalloutBlock', id: string | null, blockType: string, kind: string, title: string, message: string }
        | { __typename: 'CharBlock', id: string | null, blockType: string }
        | { __typename: 'ChoiceBlock', id: string | null, blockType: string }
        | { __typename: 'DateBlock', id: string | null, blockType: string }
        | { __typename: 'DateTimeBlock', id: string | null, blockType: string }
        | { __typename: 'DecimalBlock', id: string | null, blockType: string }
        | { __typename: 'DocumentChooserBlock', id: string | null, blockType: string }
        | { __typename: 'EmailBlock', id: string | null, blockType: string }
        | { __typename: 'EmbedBlock', id: string | null, blockType: string }
        | { __typename: 'FAQBlock', id: string | null, blockType: string, question: string, answer: string }
        | { __typename: 'FloatBlock', id: string | null, blockType: string }
        | { __typename: 'HeadingBlock', id: string | null, blockType: string, text: string, level: string }
        | { __typename: 'ImageBlock', id: string | null, blockType: string, altText: string, caption: string | null, image: { id: string, width: number, height: number, isSvg: boolean, srcSet: string | null, rendition: { url: string, width: number, height: number } | null } }
        | { __typename: 'ImageChooserBlock', id: string | null, blockType: string }
        | { __typename: 'IntegerBlock', id: string | null, blockType: string }
        | { __typename: 'ListBlock', id: string | null, blockType: string }
        | { __typename: 'PageChooserBlock', id: string | null, blockType: string }
        | { __typename: 'PageLinkBlock', id: string | null, blockType: string, linkText: string | null, page:
            | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
            | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
            | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
            | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
           | null }
        | { __typename: 'QuoteBlock', id: string | null, blockType: string, text: string, attribution: string | null }
        | { __typename: 'RawHTMLBlock', id: string | null, blockType: string }
        | { __typename: 'ReferenceBlock', id: string | null, blockType: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null }
        | { __typename: 'RegexBlock', id: string | null, blockType: string }
        | { __typename: 'RichTextBlock', id: string | null, blockType: string, value: string }
        | { __typename: 'SnippetChooserBlock', id: string | null, blockType: string }
        | { __typename: 'StaticBlock', id: string | null, blockType: string }
        | { __typename: 'StreamBlock', id: string | null, blockType: string }
        | { __typename: 'StreamFieldBlock', id: string | null, blockType: string }
        | { __typename: 'StructBlock', id: string | null, blockType: string }
        | { __typename: 'TextBlock', id: string | null, blockType: string }
        | { __typename: 'TimeBlock', id: string | null, blockType: string }
        | { __typename: 'TreatmentBlock', id: string | null, blockType: string, title: string, description: string }
        | { __typename: 'URLBlock', id: string | null, blockType: string }
      >, categories: Array<{ summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string, causes: Array<{ summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }> }>, medicalReview: { reviewedBy: string | null, credentials: string | null, lastReviewed: string | null, nextReviewDue: string | null, isOverdue: boolean }, references: Array<{ number: number, id: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null, doiUrl: string | null, pubmedUrl: string | null }>, history: Array<{ publishedAt: string, changeNote: string }>, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
    | { __typename: 'CausePage', id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
    | { __typename: 'Page', id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
   | null };

export type PreviewCategoryQueryVariables = Exact<{
  token: string;
  locale?: string | null | undefined;
}>;


export type PreviewCategoryQuery = { page:
    | { __typename: 'CauseCategoryPage', summary: string, id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, body: Array<
        | { __typename: 'BlockQuoteBlock', id: string | null, blockType: string }
        | { __typename: 'BooleanBlock', id: string | null, blockType: string }
        | { __typename: 'BulletListBlock', id: string | null, blockType: string, items: Array<string> }
        | { __typename: 'CalloutBlock', id: string | null, blockType: string, kind: string, title: string, message: string }
        | { __typename: 'CharBlock', id: string | null, blockType: string }
        | { __typename: 'ChoiceBlock', id: string | null, blockType: string }
        | { __typename: 'DateBlock', id: string | null, blockType: string }
        | { __typename: 'DateTimeBlock', id: string | null, blockType: string }
        | { __typename: 'DecimalBlock', id: string | null, blockType: string }
        | { __typename: 'DocumentChooserBlock', id: string | null, blockType: string }
        | { __typename: 'EmailBlock', id: string | null, blockType: string }
        | { __typename: 'EmbedBlock', id: string | null, blockType: string }
        | { __typename: 'FAQBlock', id: string | null, blockType: string, question: string, answer: string }
        | { __typename: 'FloatBlock', id: string | null, blockType: string }
        | { __typename: 'HeadingBlock', id: string | null, blockType: string, text: string, level: string }
        | { __typename: 'ImageBlock', id: string | null, blockType: string, altText: string, caption: string | null, image: { id: string, width: number, height: number, isSvg: boolean, srcSet: string | null, rendition: { url: string, width: number, height: number } | null } }
        | { __typename: 'ImageChooserBlock', id: string | null, blockType: string }
        | { __typename: 'IntegerBlock', id: string | null, blockType: string }
        | { __typename: 'ListBlock', id: string | null, blockType: string }
        | { __typename: 'PageChooserBlock', id: string | null, blockType: string }
        | { __typename: 'PageLinkBlock', id: string | null, blockType: string, linkText: string | null, page:
            | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
            | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
            | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
            | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
           | null }
        | { __typename: 'QuoteBlock', id: string | null, blockType: string, text: string, attribution: string | null }
        | { __typename: 'RawHTMLBlock', id: string | null, blockType: string }
        | { __typename: 'ReferenceBlock', id: string | null, blockType: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null }
        | { __typename: 'RegexBlock', id: string | null, blockType: string }
        | { __typename: 'RichTextBlock', id: string | null, blockType: string, value: string }
        | { __typename: 'SnippetChooserBlock', id: string | null, blockType: string }
        | { __typename: 'StaticBlock', id: string | null, blockType: string }
        | { __typename: 'StreamBlock', id: string | null, blockType: string }
        | { __typename: 'StreamFieldBlock', id: string | null, blockType: string }
        | { __typename: 'StructBlock', id: string | null, blockType: string }
        | { __typename: 'TextBlock', id: string | null, blockType: string }
        | { __typename: 'TimeBlock', id: string | null, blockType: string }
        | { __typename: 'TreatmentBlock', id: string | null, blockType: string, title: string, description: string }
        | { __typename: 'URLBlock', id: string | null, blockType: string }
      >, index: { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }, causes: Array<{ summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }>, medicalReview: { reviewedBy: string | null, credentials: string | null, lastReviewed: string | null, nextReviewDue: string | null, isOverdue: boolean }, references: Array<{ number: number, id: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null, doiUrl: string | null, pubmedUrl: string | null }>, history: Array<{ publishedAt: string, changeNote: string }>, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
    | { __typename: 'CauseIndexPage', id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
    | { __typename: 'CausePage', id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
    | { __typename: 'Page', id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
   | null };

export type PreviewCauseQueryVariables = Exact<{
  token: string;
  locale?: string | null | undefined;
}>;


export type PreviewCauseQuery = { page:
    | { __typename: 'CauseCategoryPage', id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
    | { __typename: 'CauseIndexPage', id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
    | { __typename: 'CausePage', summary: string, id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, body: Array<
        | { __typename: 'BlockQuoteBlock', id: string | null, blockType: string }
        | { __typename: 'BooleanBlock', id: string | null, blockType: string }
        | { __typename: 'BulletListBlock', id: string | null, blockType: string, items: Array<string> }
        | { __typename: 'CalloutBlock', id: string | null, blockType: string, kind: string, title: string, message: string }
        | { __typename: 'CharBlock', id: string | null, blockType: string }
        | { __typename: 'ChoiceBlock', id: string | null, blockType: string }
        | { __typename: 'DateBlock', id: string | null, blockType: string }
        | { __typename: 'DateTimeBlock', id: string | null, blockType: string }
        | { __typename: 'DecimalBlock', id: string | null, blockType: string }
        | { __typename: 'DocumentChooserBlock', id: string | null, blockType: string }
        | { __typename: 'EmailBlock', id: string | null, blockType: string }
        | { __typename: 'EmbedBlock', id: string | null, blockType: string }
        | { __typename: 'FAQBlock', id: string | null, blockType: string, question: string, answer: string }
        | { __typename: 'FloatBlock', id: string | null, blockType: string }
        | { __typename: 'HeadingBlock', id: string | null, blockType: string, text: string, level: string }
        | { __typename: 'ImageBlock', id: string | null, blockType: string, altText: string, caption: string | null, image: { id: string, width: number, height: number, isSvg: boolean, srcSet: string | null, rendition: { url: string, width: number, height: number } | null } }
        | { __typename: 'ImageChooserBlock', id: string | null, blockType: string }
        | { __typename: 'IntegerBlock', id: string | null, blockType: string }
        | { __typename: 'ListBlock', id: string | null, blockType: string }
        | { __typename: 'PageChooserBlock', id: string | null, blockType: string }
        | { __typename: 'PageLinkBlock', id: string | null, blockType: string, linkText: string | null, page:
            | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
            | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
            | { summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
            | { id: string | null, title: string, url: string | null, locale: string, servedLocale: string }
           | null }
        | { __typename: 'QuoteBlock', id: string | null, blockType: string, text: string, attribution: string | null }
        | { __typename: 'RawHTMLBlock', id: string | null, blockType: string }
        | { __typename: 'ReferenceBlock', id: string | null, blockType: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null }
        | { __typename: 'RegexBlock', id: string | null, blockType: string }
        | { __typename: 'RichTextBlock', id: string | null, blockType: string, value: string }
        | { __typename: 'SnippetChooserBlock', id: string | null, blockType: string }
        | { __typename: 'StaticBlock', id: string | null, blockType: string }
        | { __typename: 'StreamBlock', id: string | null, blockType: string }
        | { __typename: 'StreamFieldBlock', id: string | null, blockType: string }
        | { __typename: 'StructBlock', id: string | null, blockType: string }
        | { __typename: 'TextBlock', id: string | null, blockType: string }
        | { __typename: 'TimeBlock', id: string | null, blockType: string }
        | { __typename: 'TreatmentBlock', id: string | null, blockType: string, title: string, description: string }
        | { __typename: 'URLBlock', id: string | null, blockType: string }
      >, category: { id: string | null, title: string, url: string | null, locale: string, servedLocale: string, index: { id: string | null, title: string, url: string | null, locale: string, servedLocale: string } }, relatedCauses: Array<{ summary: string, id: string | null, title: string, url: string | null, locale: string, servedLocale: string }>, medicalReview: { reviewedBy: string | null, credentials: string | null, lastReviewed: string | null, nextReviewDue: string | null, isOverdue: boolean }, references: Array<{ number: number, id: string, authors: string, title: string, publisher: string | null, year: number | null, doi: string | null, pubmedId: string | null, url: string | null, doiUrl: string | null, pubmedUrl: string | null }>, history: Array<{ publishedAt: string, changeNote: string }>, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
    | { __typename: 'Page', id: string | null, title: string, seoTitle: string, searchDescription: string | null, slug: string, url: string | null, locale: string, servedLocale: string, sourceLocale: string, isFallback: boolean, isPartialTranslation: boolean, lastPublishedAt: string | null, untranslatedParts: Array<{ field: string, blockId: string | null }>, translations: Array<
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
        | { id: string | null, locale: string, url: string | null, title: string }
      > }
   | null };

export type PreviewTokenQueryVariables = Exact<{
  token: string;
  locale?: string | null | undefined;
}>;


export type PreviewTokenQuery = { page:
    | { id: string | null }
    | { id: string | null }
    | { id: string | null }
    | { id: string | null }
   | null };

export type SitemapQueryVariables = Exact<{
  locale: string;
}>;


export type SitemapQuery = { causeIndex: { url: string | null, locale: string, lastPublishedAt: string | null, categories: Array<{ url: string | null, locale: string, lastPublishedAt: string | null, causes: Array<{ url: string | null, locale: string, lastPublishedAt: string | null, translations: Array<
          | { locale: string, url: string | null }
          | { locale: string, url: string | null }
          | { locale: string, url: string | null }
          | { locale: string, url: string | null }
        > }>, translations: Array<
        | { locale: string, url: string | null }
        | { locale: string, url: string | null }
        | { locale: string, url: string | null }
        | { locale: string, url: string | null }
      > }>, translations: Array<
      | { locale: string, url: string | null }
      | { locale: string, url: string | null }
      | { locale: string, url: string | null }
      | { locale: string, url: string | null }
    > } | null };

type SitemapEntry_CauseCategoryPage_Fragment = { url: string | null, locale: string, lastPublishedAt: string | null, translations: Array<
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
  > };

type SitemapEntry_CauseIndexPage_Fragment = { url: string | null, locale: string, lastPublishedAt: string | null, translations: Array<
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
  > };

type SitemapEntry_CausePage_Fragment = { url: string | null, locale: string, lastPublishedAt: string | null, translations: Array<
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
  > };

type SitemapEntry_Page_Fragment = { url: string | null, locale: string, lastPublishedAt: string | null, translations: Array<
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
    | { locale: string, url: string | null }
  > };

export type SitemapEntryFragment =
  | SitemapEntry_CauseCategoryPage_Fragment
  | SitemapEntry_CauseIndexPage_Fragment
  | SitemapEntry_CausePage_Fragment
  | SitemapEntry_Page_Fragment
;

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ParagraphBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment ParagraphBlockFields on RichTextBlock {
  value
}
    `, {"fragmentName":"ParagraphBlockFields"}) as unknown as TypedDocumentString<ParagraphBlockFieldsFragment, unknown>;
export const HeadingBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment HeadingBlockFields on HeadingBlock {
  text
  level
}
    `, {"fragmentName":"HeadingBlockFields"}) as unknown as TypedDocumentString<HeadingBlockFieldsFragment, unknown>;
export const BulletListBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment BulletListBlockFields on BulletListBlock {
  items
}
    `, {"fragmentName":"BulletListBlockFields"}) as unknown as TypedDocumentString<BulletListBlockFieldsFragment, unknown>;
export const CalloutBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment CalloutBlockFields on CalloutBlock {
  kind
  title
  message
}
    `, {"fragmentName":"CalloutBlockFields"}) as unknown as TypedDocumentString<CalloutBlockFieldsFragment, unknown>;
export const TreatmentBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment TreatmentBlockFields on TreatmentBlock {
  title
  description
}
    `, {"fragmentName":"TreatmentBlockFields"}) as unknown as TypedDocumentString<TreatmentBlockFieldsFragment, unknown>;
export const QuoteBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment QuoteBlockFields on QuoteBlock {
  text
  attribution
}
    `, {"fragmentName":"QuoteBlockFields"}) as unknown as TypedDocumentString<QuoteBlockFieldsFragment, unknown>;
export const ImageBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImageBlockFields on ImageBlock {
  altText
  caption
  image {
    id
    width
    height
    isSvg
    rendition(width: 800) {
      url
      width
      height
    }
    srcSet(sizes: [400, 800, 1200])
  }
}
    `, {"fragmentName":"ImageBlockFields"}) as unknown as TypedDocumentString<ImageBlockFieldsFragment, unknown>;
export const FaqBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment FaqBlockFields on FAQBlock {
  question
  answer
}
    `, {"fragmentName":"FaqBlockFields"}) as unknown as TypedDocumentString<FaqBlockFieldsFragment, unknown>;
export const PageLinkBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageLinkBlockFields on PageLinkBlock {
  linkText
  page {
    id
    title
    url
    locale
    servedLocale
    ... on CausePage {
      summary
    }
    ... on CauseCategoryPage {
      summary
    }
  }
}
    `, {"fragmentName":"PageLinkBlockFields"}) as unknown as TypedDocumentString<PageLinkBlockFieldsFragment, unknown>;
export const ReferenceBlockFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReferenceBlockFields on ReferenceBlock {
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
}
    `, {"fragmentName":"ReferenceBlockFields"}) as unknown as TypedDocumentString<ReferenceBlockFieldsFragment, unknown>;
export const BodyBlockFragmentDoc = new TypedDocumentString(`
    fragment BodyBlock on StreamFieldInterface {
  __typename
  id
  blockType
  ...ParagraphBlockFields
  ...HeadingBlockFields
  ...BulletListBlockFields
  ...CalloutBlockFields
  ...TreatmentBlockFields
  ...QuoteBlockFields
  ...ImageBlockFields
  ...FaqBlockFields
  ...PageLinkBlockFields
  ...ReferenceBlockFields
}
    fragment ParagraphBlockFields on RichTextBlock {
  value
}
fragment HeadingBlockFields on HeadingBlock {
  text
  level
}
fragment BulletListBlockFields on BulletListBlock {
  items
}
fragment CalloutBlockFields on CalloutBlock {
  kind
  title
  message
}
fragment TreatmentBlockFields on TreatmentBlock {
  title
  description
}
fragment QuoteBlockFields on QuoteBlock {
  text
  attribution
}
fragment ImageBlockFields on ImageBlock {
  altText
  caption
  image {
    id
    width
    height
    isSvg
    rendition(width: 800) {
      url
      width
      height
    }
    srcSet(sizes: [400, 800, 1200])
  }
}
fragment FaqBlockFields on FAQBlock {
  question
  answer
}
fragment PageLinkBlockFields on PageLinkBlock {
  linkText
  page {
    id
    title
    url
    locale
    servedLocale
    ... on CausePage {
      summary
    }
    ... on CauseCategoryPage {
      summary
    }
  }
}
fragment ReferenceBlockFields on ReferenceBlock {
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
}`, {"fragmentName":"BodyBlock"}) as unknown as TypedDocumentString<BodyBlockFragment, unknown>;
export const PageMetaFragmentDoc = new TypedDocumentString(`
    fragment PageMeta on PageInterface {
  id
  title
  seoTitle
  searchDescription
  slug
  url
  locale
  servedLocale
  sourceLocale
  isFallback
  isPartialTranslation
  untranslatedParts {
    field
    blockId
  }
  lastPublishedAt
  translations {
    id
    locale
    url
    title
  }
}
    `, {"fragmentName":"PageMeta"}) as unknown as TypedDocumentString<PageMetaFragment, unknown>;
export const PageSummaryFragmentDoc = new TypedDocumentString(`
    fragment PageSummary on PageInterface {
  id
  title
  url
  locale
  servedLocale
}
    `, {"fragmentName":"PageSummary"}) as unknown as TypedDocumentString<PageSummaryFragment, unknown>;
export const MedicalReviewFieldsFragmentDoc = new TypedDocumentString(`
    fragment MedicalReviewFields on MedicalReview {
  reviewedBy
  credentials
  lastReviewed
  nextReviewDue
  isOverdue
}
    `, {"fragmentName":"MedicalReviewFields"}) as unknown as TypedDocumentString<MedicalReviewFieldsFragment, unknown>;
export const ReferenceFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReferenceFields on Reference {
  number
  id
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
  doiUrl
  pubmedUrl
}
    `, {"fragmentName":"ReferenceFields"}) as unknown as TypedDocumentString<ReferenceFieldsFragment, unknown>;
export const HistoryFieldsFragmentDoc = new TypedDocumentString(`
    fragment HistoryFields on PublishedChange {
  publishedAt
  changeNote
}
    `, {"fragmentName":"HistoryFields"}) as unknown as TypedDocumentString<HistoryFieldsFragment, unknown>;
export const SiteChromeFieldsFragmentDoc = new TypedDocumentString(`
    fragment SiteChromeFields on SiteChrome {
  organisationName
  disclaimer
  contactEmail
  registeredIn
  copyright
}
    `, {"fragmentName":"SiteChromeFields"}) as unknown as TypedDocumentString<SiteChromeFieldsFragment, unknown>;
export const SitemapEntryFragmentDoc = new TypedDocumentString(`
    fragment SitemapEntry on PageInterface {
  url
  locale
  lastPublishedAt
  translations {
    locale
    url
  }
}
    `, {"fragmentName":"SitemapEntry"}) as unknown as TypedDocumentString<SitemapEntryFragment, unknown>;
export const CategoryPageDocument = new TypedDocumentString(`
    query CategoryPage($slug: String!, $locale: String!, $fallback: Boolean = false) {
  causeCategory(slug: $slug, locale: $locale, fallback: $fallback) {
    ...PageMeta
    summary
    body {
      ...BodyBlock
    }
    index {
      ...PageSummary
    }
    causes {
      ...PageSummary
      summary
    }
    medicalReview {
      ...MedicalReviewFields
    }
    references {
      ...ReferenceFields
    }
    history {
      ...HistoryFields
    }
  }
}
    fragment ParagraphBlockFields on RichTextBlock {
  value
}
fragment HeadingBlockFields on HeadingBlock {
  text
  level
}
fragment BulletListBlockFields on BulletListBlock {
  items
}
fragment CalloutBlockFields on CalloutBlock {
  kind
  title
  message
}
fragment TreatmentBlockFields on TreatmentBlock {
  title
  description
}
fragment QuoteBlockFields on QuoteBlock {
  text
  attribution
}
fragment ImageBlockFields on ImageBlock {
  altText
  caption
  image {
    id
    width
    height
    isSvg
    rendition(width: 800) {
      url
      width
      height
    }
    srcSet(sizes: [400, 800, 1200])
  }
}
fragment FaqBlockFields on FAQBlock {
  question
  answer
}
fragment PageLinkBlockFields on PageLinkBlock {
  linkText
  page {
    id
    title
    url
    locale
    servedLocale
    ... on CausePage {
      summary
    }
    ... on CauseCategoryPage {
      summary
    }
  }
}
fragment ReferenceBlockFields on ReferenceBlock {
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
}
fragment BodyBlock on StreamFieldInterface {
  __typename
  id
  blockType
  ...ParagraphBlockFields
  ...HeadingBlockFields
  ...BulletListBlockFields
  ...CalloutBlockFields
  ...TreatmentBlockFields
  ...QuoteBlockFields
  ...ImageBlockFields
  ...FaqBlockFields
  ...PageLinkBlockFields
  ...ReferenceBlockFields
}
fragment PageMeta on PageInterface {
  id
  title
  seoTitle
  searchDescription
  slug
  url
  locale
  servedLocale
  sourceLocale
  isFallback
  isPartialTranslation
  untranslatedParts {
    field
    blockId
  }
  lastPublishedAt
  translations {
    id
    locale
    url
    title
  }
}
fragment PageSummary on PageInterface {
  id
  title
  url
  locale
  servedLocale
}
fragment MedicalReviewFields on MedicalReview {
  reviewedBy
  credentials
  lastReviewed
  nextReviewDue
  isOverdue
}
fragment ReferenceFields on Reference {
  number
  id
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
  doiUrl
  pubmedUrl
}
fragment HistoryFields on PublishedChange {
  publishedAt
  changeNote
}`, {"hash":"sha256:6fb4e0d5a1ba3b1d28e53c273a96d05e9ca0d86b6c3d060e95dc9ab02b086a2f"}) as unknown as TypedDocumentString<CategoryPageQuery, CategoryPageQueryVariables>;
export const CausePageDocument = new TypedDocumentString(`
    query CausePage($slug: String!, $locale: String!, $fallback: Boolean = false) {
  cause(slug: $slug, locale: $locale, fallback: $fallback) {
    ...PageMeta
    summary
    body {
      ...BodyBlock
    }
    category {
      ...PageSummary
      index {
        ...PageSummary
      }
    }
    relatedCauses {
      ...PageSummary
      summary
    }
    medicalReview {
      ...MedicalReviewFields
    }
    references {
      ...ReferenceFields
    }
    history {
      ...HistoryFields
    }
  }
}
    fragment ParagraphBlockFields on RichTextBlock {
  value
}
fragment HeadingBlockFields on HeadingBlock {
  text
  level
}
fragment BulletListBlockFields on BulletListBlock {
  items
}
fragment CalloutBlockFields on CalloutBlock {
  kind
  title
  message
}
fragment TreatmentBlockFields on TreatmentBlock {
  title
  description
}
fragment QuoteBlockFields on QuoteBlock {
  text
  attribution
}
fragment ImageBlockFields on ImageBlock {
  altText
  caption
  image {
    id
    width
    height
    isSvg
    rendition(width: 800) {
      url
      width
      height
    }
    srcSet(sizes: [400, 800, 1200])
  }
}
fragment FaqBlockFields on FAQBlock {
  question
  answer
}
fragment PageLinkBlockFields on PageLinkBlock {
  linkText
  page {
    id
    title
    url
    locale
    servedLocale
    ... on CausePage {
      summary
    }
    ... on CauseCategoryPage {
      summary
    }
  }
}
fragment ReferenceBlockFields on ReferenceBlock {
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
}
fragment BodyBlock on StreamFieldInterface {
  __typename
  id
  blockType
  ...ParagraphBlockFields
  ...HeadingBlockFields
  ...BulletListBlockFields
  ...CalloutBlockFields
  ...TreatmentBlockFields
  ...QuoteBlockFields
  ...ImageBlockFields
  ...FaqBlockFields
  ...PageLinkBlockFields
  ...ReferenceBlockFields
}
fragment PageMeta on PageInterface {
  id
  title
  seoTitle
  searchDescription
  slug
  url
  locale
  servedLocale
  sourceLocale
  isFallback
  isPartialTranslation
  untranslatedParts {
    field
    blockId
  }
  lastPublishedAt
  translations {
    id
    locale
    url
    title
  }
}
fragment PageSummary on PageInterface {
  id
  title
  url
  locale
  servedLocale
}
fragment MedicalReviewFields on MedicalReview {
  reviewedBy
  credentials
  lastReviewed
  nextReviewDue
  isOverdue
}
fragment ReferenceFields on Reference {
  number
  id
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
  doiUrl
  pubmedUrl
}
fragment HistoryFields on PublishedChange {
  publishedAt
  changeNote
}`, {"hash":"sha256:6a13f008858b184f43bb9532cce6c8963ef5a725fd0a5236b5e607b9d847917d"}) as unknown as TypedDocumentString<CausePageQuery, CausePageQueryVariables>;
export const SiteChromeDocument = new TypedDocumentString(`
    query SiteChrome($locale: String!) {
  siteChrome(locale: $locale) {
    ...SiteChromeFields
  }
}
    fragment SiteChromeFields on SiteChrome {
  organisationName
  disclaimer
  contactEmail
  registeredIn
  copyright
}`, {"hash":"sha256:a87aa9d2fc85b9a42ba43f719c17e84bc0ff622e809238345e5c73b16323127a"}) as unknown as TypedDocumentString<SiteChromeQuery, SiteChromeQueryVariables>;
export const HubPageDocument = new TypedDocumentString(`
    query HubPage($locale: String!, $fallback: Boolean = false) {
  causeIndex(locale: $locale, fallback: $fallback) {
    ...PageMeta
    intro
    body {
      ...BodyBlock
    }
    supportNote
    outlookHeading
    outlook
    categories {
      ...PageSummary
      summary
      causes {
        ...PageSummary
        summary
      }
    }
    medicalReview {
      ...MedicalReviewFields
    }
    references {
      ...ReferenceFields
    }
    history {
      ...HistoryFields
    }
  }
}
    fragment ParagraphBlockFields on RichTextBlock {
  value
}
fragment HeadingBlockFields on HeadingBlock {
  text
  level
}
fragment BulletListBlockFields on BulletListBlock {
  items
}
fragment CalloutBlockFields on CalloutBlock {
  kind
  title
  message
}
fragment TreatmentBlockFields on TreatmentBlock {
  title
  description
}
fragment QuoteBlockFields on QuoteBlock {
  text
  attribution
}
fragment ImageBlockFields on ImageBlock {
  altText
  caption
  image {
    id
    width
    height
    isSvg
    rendition(width: 800) {
      url
      width
      height
    }
    srcSet(sizes: [400, 800, 1200])
  }
}
fragment FaqBlockFields on FAQBlock {
  question
  answer
}
fragment PageLinkBlockFields on PageLinkBlock {
  linkText
  page {
    id
    title
    url
    locale
    servedLocale
    ... on CausePage {
      summary
    }
    ... on CauseCategoryPage {
      summary
    }
  }
}
fragment ReferenceBlockFields on ReferenceBlock {
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
}
fragment BodyBlock on StreamFieldInterface {
  __typename
  id
  blockType
  ...ParagraphBlockFields
  ...HeadingBlockFields
  ...BulletListBlockFields
  ...CalloutBlockFields
  ...TreatmentBlockFields
  ...QuoteBlockFields
  ...ImageBlockFields
  ...FaqBlockFields
  ...PageLinkBlockFields
  ...ReferenceBlockFields
}
fragment PageMeta on PageInterface {
  id
  title
  seoTitle
  searchDescription
  slug
  url
  locale
  servedLocale
  sourceLocale
  isFallback
  isPartialTranslation
  untranslatedParts {
    field
    blockId
  }
  lastPublishedAt
  translations {
    id
    locale
    url
    title
  }
}
fragment PageSummary on PageInterface {
  id
  title
  url
  locale
  servedLocale
}
fragment MedicalReviewFields on MedicalReview {
  reviewedBy
  credentials
  lastReviewed
  nextReviewDue
  isOverdue
}
fragment ReferenceFields on Reference {
  number
  id
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
  doiUrl
  pubmedUrl
}
fragment HistoryFields on PublishedChange {
  publishedAt
  changeNote
}`, {"hash":"sha256:57cb5fbe54115f58c55ed3b998c0d55f7a1cbbd1876aa3214e2a21e1d58abbc6"}) as unknown as TypedDocumentString<HubPageQuery, HubPageQueryVariables>;
export const LocalesDocument = new TypedDocumentString(`
    query Locales {
  locales {
    code
    name
    isDefault
  }
}
    `, {"hash":"sha256:67b14f82d3cd885f90d7228be6c0f948efb412341d53675e0a37755aa06da231"}) as unknown as TypedDocumentString<LocalesQuery, LocalesQueryVariables>;
export const PreviewHubDocument = new TypedDocumentString(`
    query PreviewHub($token: String!, $locale: String) {
  page(token: $token, locale: $locale) {
    __typename
    ...PageMeta
    ... on CauseIndexPage {
      intro
      body {
        ...BodyBlock
      }
      supportNote
      outlookHeading
      outlook
      categories {
        ...PageSummary
        summary
        causes {
          ...PageSummary
          summary
        }
      }
      medicalReview {
        ...MedicalReviewFields
      }
      references {
        ...ReferenceFields
      }
      history {
        ...HistoryFields
      }
    }
  }
}
    fragment ParagraphBlockFields on RichTextBlock {
  value
}
fragment HeadingBlockFields on HeadingBlock {
  text
  level
}
fragment BulletListBlockFields on BulletListBlock {
  items
}
fragment CalloutBlockFields on CalloutBlock {
  kind
  title
  message
}
fragment TreatmentBlockFields on TreatmentBlock {
  title
  description
}
fragment QuoteBlockFields on QuoteBlock {
  text
  attribution
}
fragment ImageBlockFields on ImageBlock {
  altText
  caption
  image {
    id
    width
    height
    isSvg
    rendition(width: 800) {
      url
      width
      height
    }
    srcSet(sizes: [400, 800, 1200])
  }
}
fragment FaqBlockFields on FAQBlock {
  question
  answer
}
fragment PageLinkBlockFields on PageLinkBlock {
  linkText
  page {
    id
    title
    url
    locale
    servedLocale
    ... on CausePage {
      summary
    }
    ... on CauseCategoryPage {
      summary
    }
  }
}
fragment ReferenceBlockFields on ReferenceBlock {
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
}
fragment BodyBlock on StreamFieldInterface {
  __typename
  id
  blockType
  ...ParagraphBlockFields
  ...HeadingBlockFields
  ...BulletListBlockFields
  ...CalloutBlockFields
  ...TreatmentBlockFields
  ...QuoteBlockFields
  ...ImageBlockFields
  ...FaqBlockFields
  ...PageLinkBlockFields
  ...ReferenceBlockFields
}
fragment PageMeta on PageInterface {
  id
  title
  seoTitle
  searchDescription
  slug
  url
  locale
  servedLocale
  sourceLocale
  isFallback
  isPartialTranslation
  untranslatedParts {
    field
    blockId
  }
  lastPublishedAt
  translations {
    id
    locale
    url
    title
  }
}
fragment PageSummary on PageInterface {
  id
  title
  url
  locale
  servedLocale
}
fragment MedicalReviewFields on MedicalReview {
  reviewedBy
  credentials
  lastReviewed
  nextReviewDue
  isOverdue
}
fragment ReferenceFields on Reference {
  number
  id
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
  doiUrl
  pubmedUrl
}
fragment HistoryFields on PublishedChange {
  publishedAt
  changeNote
}`, {"hash":"sha256:68d2cac8bd6fdac799d44018d4e2e86bf1776a0f5540cd4ce4f2cc4568dafcdc"}) as unknown as TypedDocumentString<PreviewHubQuery, PreviewHubQueryVariables>;
export const PreviewCategoryDocument = new TypedDocumentString(`
    query PreviewCategory($token: String!, $locale: String) {
  page(token: $token, locale: $locale) {
    __typename
    ...PageMeta
    ... on CauseCategoryPage {
      summary
      body {
        ...BodyBlock
      }
      index {
        ...PageSummary
      }
      causes {
        ...PageSummary
        summary
      }
      medicalReview {
        ...MedicalReviewFields
      }
      references {
        ...ReferenceFields
      }
      history {
        ...HistoryFields
      }
    }
  }
}
    fragment ParagraphBlockFields on RichTextBlock {
  value
}
fragment HeadingBlockFields on HeadingBlock {
  text
  level
}
fragment BulletListBlockFields on BulletListBlock {
  items
}
fragment CalloutBlockFields on CalloutBlock {
  kind
  title
  message
}
fragment TreatmentBlockFields on TreatmentBlock {
  title
  description
}
fragment QuoteBlockFields on QuoteBlock {
  text
  attribution
}
fragment ImageBlockFields on ImageBlock {
  altText
  caption
  image {
    id
    width
    height
    isSvg
    rendition(width: 800) {
      url
      width
      height
    }
    srcSet(sizes: [400, 800, 1200])
  }
}
fragment FaqBlockFields on FAQBlock {
  question
  answer
}
fragment PageLinkBlockFields on PageLinkBlock {
  linkText
  page {
    id
    title
    url
    locale
    servedLocale
    ... on CausePage {
      summary
    }
    ... on CauseCategoryPage {
      summary
    }
  }
}
fragment ReferenceBlockFields on ReferenceBlock {
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
}
fragment BodyBlock on StreamFieldInterface {
  __typename
  id
  blockType
  ...ParagraphBlockFields
  ...HeadingBlockFields
  ...BulletListBlockFields
  ...CalloutBlockFields
  ...TreatmentBlockFields
  ...QuoteBlockFields
  ...ImageBlockFields
  ...FaqBlockFields
  ...PageLinkBlockFields
  ...ReferenceBlockFields
}
fragment PageMeta on PageInterface {
  id
  title
  seoTitle
  searchDescription
  slug
  url
  locale
  servedLocale
  sourceLocale
  isFallback
  isPartialTranslation
  untranslatedParts {
    field
    blockId
  }
  lastPublishedAt
  translations {
    id
    locale
    url
    title
  }
}
fragment PageSummary on PageInterface {
  id
  title
  url
  locale
  servedLocale
}
fragment MedicalReviewFields on MedicalReview {
  reviewedBy
  credentials
  lastReviewed
  nextReviewDue
  isOverdue
}
fragment ReferenceFields on Reference {
  number
  id
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
  doiUrl
  pubmedUrl
}
fragment HistoryFields on PublishedChange {
  publishedAt
  changeNote
}`, {"hash":"sha256:33c6e7f2bdee3252447b544fa60027466544c891f6f85571639fda022cc8a0c0"}) as unknown as TypedDocumentString<PreviewCategoryQuery, PreviewCategoryQueryVariables>;
export const PreviewCauseDocument = new TypedDocumentString(`
    query PreviewCause($token: String!, $locale: String) {
  page(token: $token, locale: $locale) {
    __typename
    ...PageMeta
    ... on CausePage {
      summary
      body {
        ...BodyBlock
      }
      category {
        ...PageSummary
        index {
          ...PageSummary
        }
      }
      relatedCauses {
        ...PageSummary
        summary
      }
      medicalReview {
        ...MedicalReviewFields
      }
      references {
        ...ReferenceFields
      }
      history {
        ...HistoryFields
      }
    }
  }
}
    fragment ParagraphBlockFields on RichTextBlock {
  value
}
fragment HeadingBlockFields on HeadingBlock {
  text
  level
}
fragment BulletListBlockFields on BulletListBlock {
  items
}
fragment CalloutBlockFields on CalloutBlock {
  kind
  title
  message
}
fragment TreatmentBlockFields on TreatmentBlock {
  title
  description
}
fragment QuoteBlockFields on QuoteBlock {
  text
  attribution
}
fragment ImageBlockFields on ImageBlock {
  altText
  caption
  image {
    id
    width
    height
    isSvg
    rendition(width: 800) {
      url
      width
      height
    }
    srcSet(sizes: [400, 800, 1200])
  }
}
fragment FaqBlockFields on FAQBlock {
  question
  answer
}
fragment PageLinkBlockFields on PageLinkBlock {
  linkText
  page {
    id
    title
    url
    locale
    servedLocale
    ... on CausePage {
      summary
    }
    ... on CauseCategoryPage {
      summary
    }
  }
}
fragment ReferenceBlockFields on ReferenceBlock {
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
}
fragment BodyBlock on StreamFieldInterface {
  __typename
  id
  blockType
  ...ParagraphBlockFields
  ...HeadingBlockFields
  ...BulletListBlockFields
  ...CalloutBlockFields
  ...TreatmentBlockFields
  ...QuoteBlockFields
  ...ImageBlockFields
  ...FaqBlockFields
  ...PageLinkBlockFields
  ...ReferenceBlockFields
}
fragment PageMeta on PageInterface {
  id
  title
  seoTitle
  searchDescription
  slug
  url
  locale
  servedLocale
  sourceLocale
  isFallback
  isPartialTranslation
  untranslatedParts {
    field
    blockId
  }
  lastPublishedAt
  translations {
    id
    locale
    url
    title
  }
}
fragment PageSummary on PageInterface {
  id
  title
  url
  locale
  servedLocale
}
fragment MedicalReviewFields on MedicalReview {
  reviewedBy
  credentials
  lastReviewed
  nextReviewDue
  isOverdue
}
fragment ReferenceFields on Reference {
  number
  id
  authors
  title
  publisher
  year
  doi
  pubmedId
  url
  doiUrl
  pubmedUrl
}
fragment HistoryFields on PublishedChange {
  publishedAt
  changeNote
}`, {"hash":"sha256:91509b1ab29ed1bfe9229c405906e9e4c9f91d215961ec83e44e5d068bc5b505"}) as unknown as TypedDocumentString<PreviewCauseQuery, PreviewCauseQueryVariables>;
export const PreviewTokenDocument = new TypedDocumentString(`
    query PreviewToken($token: String!, $locale: String) {
  page(token: $token, locale: $locale) {
    id
  }
}
    `, {"hash":"sha256:ff3d97738ad1505a43cb5548d8e8e93b2b15e549df65f802308717c1e2d9cd83"}) as unknown as TypedDocumentString<PreviewTokenQuery, PreviewTokenQueryVariables>;
export const SitemapDocument = new TypedDocumentString(`
    query Sitemap($locale: String!) {
  causeIndex(locale: $locale) {
    ...SitemapEntry
    categories {
      ...SitemapEntry
      causes {
        ...SitemapEntry
      }
    }
  }
}
    fragment SitemapEntry on PageInterface {
  url
  locale
  lastPublishedAt
  translations {
    locale
    url
  }
}`, {"hash":"sha256:120add571f9cecbc1a721ad3e237a7f1372f8c09688deabe56a89d8d0bc53635"}) as unknown as TypedDocumentString<SitemapQuery, SitemapQueryVariables>;