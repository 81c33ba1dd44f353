import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["ninsho-source"] },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/**/*.test.ts", "bench/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
