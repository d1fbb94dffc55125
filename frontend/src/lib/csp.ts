import { cmsGraphqlUrl } from "@/lib/cms";

/** A fresh, unguessable nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of an absolute http(s) URL, or null (relative, empty or not a URL). */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * Where images may come from besides this origin: the CMS (its image URLs
 * are absolute to its address when its MEDIA_URL is) and, when MEDIA_URL
 * is absolute here too, the media host it names.
 */
export function mediaOrigins(): string[] {
  const origins = [originOf(cmsGraphqlUrl()), originOf(process.env.MEDIA_URL)];
  return [...new Set(origins.filter((o): o is string => o !== null))];
}

/**
 * The Content-Security-Policy for a page: scripts and styles only from this
 * origin or inline with the request's nonce (Next.js puts it on its own
 * inline scripts), images also from data:/blob: URLs and the CMS's media,
 * no plugins, no <base>, forms posting only here. `next dev` also needs
 * 'unsafe-eval' for React's development tooling, and inline styles for its
 * error overlay, which carry no nonce ('unsafe-inline' only counts without
 * one); a production build gets neither.
 */
export function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    ["img-src 'self' data: blob:", ...mediaOrigins()].join(" "),
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  return directives.join("; ");
}
