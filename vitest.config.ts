import { defineConfig } from "vitest/config";

// Tests import the workspace packages by name; the `ninsho-source` export condition points them at src, so
// a test never runs against a stale build. Vitest runs tests in its server-side environment, hence `ssr`.
const sourceConditions = ["ninsho-source"];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "examples/**/*.test.ts",
      "bench/**/*.test.ts",
      "attacks/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
