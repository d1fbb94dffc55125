import type { NextConfig } from "next";

// The CMS serves uploaded images at /media/ and the API gives their addresses
// relative to the site (MEDIA_URL "/media/" by default): the frontend passes
// them on to the CMS. With an absolute MEDIA_URL (a CDN or object storage)
// addresses point there directly and this route is unused.
const cmsOrigin = new URL(process.env.CMS_GRAPHQL_URL ?? "http://127.0.0.1:8000/graphql/")
  .origin;

const nextConfig: NextConfig = {
  // The CMS owns trailing slashes: every page url ends with "/".
  trailingSlash: true,
  poweredByHeader: false,
  reactStrictMode: true,
  async rewrites() {
    return [{ source: "/media/:path*", destination: `${cmsOrigin}/media/:path*` }];
  },
};

export default nextConfig;
