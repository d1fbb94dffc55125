import { RichText } from "@/components/RichText";
import type { Block, BlockContext } from "./types";

export function Paragraph({ block, ctx }: { block: Block<"RichTextBlock">; ctx: BlockContext }) {
  return <RichText html={block.value} ui={ctx.ui} className="rich-text block-paragraph" />;
}
