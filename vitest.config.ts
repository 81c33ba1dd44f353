import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { HANG_MS } from "./testing/budget.js";

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
      "testing/**/*.test.ts",
    ],
    // `npm run test:quick` leaves out the slow suites: files named *.slow.test.ts (see the README's Testing).
    // A time limit catches a hang and never measures speed (testing/budget.ts).
    testTimeout: HANG_MS,
    hookTimeout: HANG_MS,
    reporters: ["default", "./testing/durationReporter.ts"],
    // The SDK keeps a record of verdicts in a per-user folder outside every state folder: tests keep theirs
    // in a temporary one rather than the home folder of whoever runs them (one record per state folder).
    env: { XDG_DATA_HOME: join(tmpdir(), "ninsho-test-data-home") },
    pool: "forks",
    maxWorkers: 2,
  },
});
