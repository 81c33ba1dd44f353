import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";
import { respondProblem } from "./respond.js";

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  /** The fields an `unrecognized_keys` issue is about. */
  readonly keys?: readonly string[];
}

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join(".") || "(body)";

/** One entry per field at fault: an unknown field is named by its own path, not its parent's. */
const listIssue = (issue: Issue) =>
  issue.code === "unrecognized_keys" && issue.keys && issue.keys.length > 0
    ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), message: "unknown field" }))
    : [{ path: joinPath(issue.path), message: issue.message }];

/** Schema failures become VALIDATION_FAILED, naming each field at fault; never a 500. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const issues = (result.error as { issues?: readonly Issue[] }).issues ?? [];
  const listed = issues.flatMap(listIssue);
  const summary = listed.map((i) => `${i.path}: ${i.message}`).join("; ");
  return respondProblem(c, {
    code: "VALIDATION_FAILED",
    params: { issues: summary },
    details: { issues: listed },
  });
};
