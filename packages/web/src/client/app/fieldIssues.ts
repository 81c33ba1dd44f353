import type { ApiProblem } from "../api.js";

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The fields a VALIDATION_FAILED refusal names, each with what the server said about it (`details.issues`:
 * `[{ path: "maxDevices", message }]`), so a form can show each beside its own field; a list item's path
 * (`entitlements.3`) counts for its list. Empty for any other problem.
 * @example
 * fieldIssues(problem).get("name"); // "Too big: expected string to have <=200 characters"
 */
export function fieldIssues(problem: ApiProblem | undefined): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  if (problem?.code !== "VALIDATION_FAILED" || !isRecord(problem.details)) return found;
  const issues = problem.details.issues;
  if (!Array.isArray(issues)) return found;
  for (const issue of issues as readonly unknown[]) {
    if (!isRecord(issue) || typeof issue.path !== "string" || typeof issue.message !== "string") continue;
    const field = issue.path.split(".")[0] ?? issue.path;
    if (!found.has(field)) found.set(field, issue.message);
  }
  return found;
}
