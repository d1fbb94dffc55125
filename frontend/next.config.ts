import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The CMS owns trailing slashes: every page url ends with "/".
  trailingSlash: true,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
