import type { NextConfig } from "next";

// The CMS serves uploaded images at /media/ and the API gives their addresses
// relative to the site (MEDIA_URL "/media/" by default): the frontend passes
// them on to the CMS. With an absolute MEDIA_URL (a CDN or object storage)
// addresses point there directly and this route is unused.
const cmsOrigin = new URL(process.env.CMS_GRAPHQL_URL ?? "http://127.0.0.1:8000/graphql/")
  .origin;

const nextConfig: NextConfig = {
  // The CMS owns trailing slashes: every page url ends with "/". The proxy
  // adds the slash (src/proxy.ts), not Next.js: the CMS's events come to
  // /api/revalidate as the contract names it, and a webhook sender does not
  // follow a redirect.
  trailingSlash: true,
  skipTrailingSlashRedirect: true,
  // The e2e tests build into a directory of their own (tests/frontend/).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run typecheck` checks the types; a build for the tests skips it.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  poweredByHeader: false,
  reactStrictMode: true,
  async rewrites() {
    return [{ source: "/media/:path*", destination: `${cmsOrigin}/media/:path*` }];
  },
};

export default nextConfig;
