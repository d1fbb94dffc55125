import type { Block } from "./types";

/** The column the article is set in; the browser picks the rendition. */
export const IMAGE_SIZES = "(min-width: 48rem) 44rem, 100vw";

export function ImageBlock({ block }: { block: Block<"ImageBlock"> }) {
  const { image } = block;
  const rendition = image.rendition;
  const src = rendition?.url;
  if (!src) return null;
  const width = rendition?.width ?? image.width;
  const height = rendition?.height ?? image.height;
  // Empty alt text marks the image as decorative: screen readers skip it.
  const alt = block.altText.trim();
  const img = (
    // eslint-disable-next-line @next/next/no-img-element -- the CMS makes the renditions
    <img
      src={src}
      srcSet={image.isSvg ? undefined : (image.srcSet ?? undefined)}
      sizes={image.isSvg ? undefined : IMAGE_SIZES}
      width={width}
      height={height}
      alt={alt}
      loading="lazy"
      decoding="async"
    />
  );
  if (!block.caption) {
    return <div className="block-image">{img}</div>;
  }
  return (
    <figure className="block-image">
      {img}
      <figcaption>{block.caption}</figcaption>
    </figure>
  );
}
