import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";
import { respondProblem } from "./respond.js";

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
}

/** Schema failures become VALIDATION_FAILED, naming each field at fault; never a 500. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const issues = (result.error as { issues?: readonly Issue[] }).issues ?? [];
  const listed = issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
  const summary = listed.map((i) => `${i.path}: ${i.message}`).join("; ");
  return respondProblem(c, {
    code: "VALIDATION_FAILED",
    params: { issues: summary },
    details: { issues: listed },
  });
};
