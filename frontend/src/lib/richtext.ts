import { cmsGraphqlUrl } from "@/lib/cms";

const ANCHOR = /<a\b([^>]*)>([\s\S]*?)<\/a>/gi;
const HREF = /\shref\s*=\s*"([^"]*)"/i;

function cmsOrigin(): string | null {
  try {
    return new URL(cmsGraphqlUrl()).origin;
  } catch {
    return null;
  }
}

/**
 * Links in the CMS's rich text, made right for this frontend.
 *
 * A page link is the page's `url`, which is its address here, so it stays; an
 * absolute link to the CMS's own pages becomes relative to this site (media
 * and documents stay on the CMS). Every other absolute link leaves the site
 * and says so, to screen readers too.
 */
export function rewriteLinks(html: string, externalLabel: string): string {
  const origin = cmsOrigin();
  return html.replace(ANCHOR, (whole, attrs: string, text: string) => {
    const href = HREF.exec(attrs)?.[1];
    if (href === undefined) return whole;
    if (origin && href.startsWith(origin + "/")) {
      const path = href.slice(origin.length);
      if (!/^\/(media|documents)\//.test(path)) {
        return `<a${attrs.replace(HREF, ` href="${path}"`)}>${text}</a>`;
      }
    }
    if (/^https?:\/\//i.test(href) || /^\/\//.test(href)) {
      const cleaned = attrs.replace(/\s(rel|target)\s*=\s*"[^"]*"/gi, "");
      return `<a${cleaned} rel="external noopener noreferrer" data-external="true">${text}<span class="visually-hidden"> ${externalLabel}</span></a>`;
    }
    return whole;
  });
}
