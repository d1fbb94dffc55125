import { RichText } from "@/components/RichText";
import type { Block, BlockContext } from "./types";

export function Treatment({ block, ctx }: { block: Block<"TreatmentBlock">; ctx: BlockContext }) {
  return (
    <section className="block-treatment" aria-label={block.title}>
      <h3>{block.title}</h3>
      <RichText html={block.description} ui={ctx.ui} />
    </section>
  );
}
