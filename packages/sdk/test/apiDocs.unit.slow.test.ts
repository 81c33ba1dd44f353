/**
 * The SDK's API reference is generated (TypeDoc, `npm run docs -w @ninsho/sdk`) and must build without a
 * warning: every exported symbol documented, nothing public pointing at an unexported type. And every public
 * symbol's JSDoc carries an example, as the house rules ask of the SDK.
 */
import { fileURLToPath } from "node:url";
import {
  Application,
  type DeclarationReflection,
  type ProjectReflection,
  ReflectionKind,
  TSConfigReader,
  TypeDocReader,
} from "typedoc";
import { beforeAll, describe, expect, it } from "vitest";

const sdkDir = fileURLToPath(new URL("..", import.meta.url));

let project: ProjectReflection | undefined;
let warnings: string[] = [];

beforeAll(async () => {
  const app = await Application.bootstrapWithPlugins(
    {
      options: `${sdkDir}/typedoc.json`,
      entryPoints: [`${sdkDir}/src/index.ts`],
      tsconfig: `${sdkDir}/tsconfig.json`,
    },
    [new TypeDocReader(), new TSConfigReader()],
  );
  const seen: string[] = [];
  const log = app.logger.log.bind(app.logger);
  app.logger.log = (message, level) => {
    seen.push(String(message));
    log(message, level);
  };
  project = await app.convert();
  if (project) app.validate(project);
  // The messages when there were any (the log is captured for the failure message; the count decides).
  const failed = app.logger.hasWarnings() || app.logger.hasErrors();
  warnings = failed ? (seen.length > 0 ? seen : ["TypeDoc reported warnings"]) : [];
}, 120_000);

/** The JSDoc of a symbol: its own, or its (first) signature's for a function. */
const commentOf = (reflection: DeclarationReflection) =>
  reflection.comment ?? reflection.signatures?.[0]?.comment;

describe("the SDK's API reference", () => {
  it("TypeDoc builds it without a warning", () => {
    expect(project).toBeDefined();
    expect(warnings).toEqual([]);
  });

  it("every public symbol has JSDoc with an example", () => {
    const symbols = (project?.children ?? []).filter((child) => !child.kindOf(ReflectionKind.Reference));
    expect(symbols.length).toBeGreaterThan(40);
    const withoutExample = symbols
      .filter((symbol) => !commentOf(symbol)?.blockTags.some((tag) => tag.tag === "@example"))
      .map((symbol) => symbol.name);
    expect(withoutExample).toEqual([]);
  });
});
