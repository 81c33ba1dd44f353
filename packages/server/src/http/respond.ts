import type { Problem } from "@ninsho/core";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";
import { problemBody, problemStatus } from "./problem.js";

/** Answer a problem in the reader's language. */
export const respondProblem = (
  c: Context<AppEnv>,
  problem: Problem,
  headers: Record<string, string> = {},
) => {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json(problemBody(problem, c.get("locale")), problemStatus(problem));
};
