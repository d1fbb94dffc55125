import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".next-e2e/**", ".next-bench/**", "node_modules/**", "next-env.d.ts", "src/graphql/generated/**"],
  },
];

export default config;
