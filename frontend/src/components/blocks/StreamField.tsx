import { Fragment } from "react";
import type { BodyBlockFragment } from "@/graphql/generated/graphql";
import { BulletList } from "./BulletList";
import { Callout } from "./Callout";
import { Faq } from "./Faq";
import { Heading } from "./Heading";
import { ImageBlock } from "./Image";
import { PageLink } from "./PageLink";
import { Paragraph } from "./Paragraph";
import { Quote } from "./Quote";
import { Reference } from "./Reference";
import { Treatment } from "./Treatment";
import type { BlockContext } from "./types";

/**
 * One block, by its name in the body library. The GraphQL type must match
 * too; a block the frontend does not know (a newer CMS) is skipped.
 */
export function BodyBlock({ block, ctx }: { block: BodyBlockFragment; ctx: BlockContext }) {
  switch (block.blockType) {
    case "paragraph":
      if (block.__typename === "RichTextBlock") return <Paragraph block={block} ctx={ctx} />;
      break;
    case "heading":
      if (block.__typename === "HeadingBlock") return <Heading block={block} />;
      break;
    case "bullet_list":
      if (block.__typename === "BulletListBlock") return <BulletList block={block} />;
      break;
    case "callout":
      if (block.__typename === "CalloutBlock") return <Callout block={block} ctx={ctx} />;
      break;
    case "treatment":
      if (block.__typename === "TreatmentBlock") return <Treatment block={block} ctx={ctx} />;
      break;
    case "quote":
      if (block.__typename === "QuoteBlock") return <Quote block={block} />;
      break;
    case "image":
      if (block.__typename === "ImageBlock") return <ImageBlock block={block} />;
      break;
    case "faq":
      if (block.__typename === "FAQBlock") return <Faq block={block} ctx={ctx} />;
      break;
    case "page_link":
      if (block.__typename === "PageLinkBlock") return <PageLink block={block} />;
      break;
    case "reference":
      if (block.__typename === "ReferenceBlock") return <Reference block={block} ctx={ctx} />;
      break;
  }
  if (process.env.NODE_ENV === "development") {
    console.warn(`Skipping a body block the frontend does not know: ${block.blockType} (${block.__typename}).`);
  }
  return null;
}

interface Props {
  blocks: BodyBlockFragment[];
  ctx: BlockContext;
  /** The page's body parts still in the source language. */
  untranslatedParts?: { field: string; blockId: string | null }[];
  sourceLocale?: string;
}

export function StreamField({ blocks, ctx, untranslatedParts = [], sourceLocale }: Props) {
  const untranslated = new Set(
    untranslatedParts.filter((p) => p.field === "body" && p.blockId).map((p) => p.blockId),
  );
  return (
    <div className="stream-field">
      {blocks.map((block, index) => {
        const rendered = <BodyBlock block={block} ctx={ctx} />;
        const key = block.id ?? `block-${index}`;
        if (block.id && untranslated.has(block.id) && sourceLocale) {
          return (
            <div key={key} lang={sourceLocale} data-untranslated="true">
              {rendered}
            </div>
          );
        }
        return <Fragment key={key}>{rendered}</Fragment>;
      })}
    </div>
  );
}
