import { RichText } from "@/components/RichText";
import type { Block, BlockContext } from "./types";

export function Faq({ block, ctx }: { block: Block<"FAQBlock">; ctx: BlockContext }) {
  return (
    <details className="block-faq">
      <summary>{block.question}</summary>
      <RichText html={block.answer} ui={ctx.ui} />
    </details>
  );
}
