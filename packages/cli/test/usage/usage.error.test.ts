import { describe as catalogue } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../admin/support/harness.js";

const en = { LANG: "en_US.UTF-8", NINSHO_URL: "http://127.0.0.1:9", NINSHO_TOKEN: "nsh_admin_x" };
const ja = { ...en, LANG: "ja_JP.UTF-8" };

/** The catalogue's two lines for a code, as the CLI prints every problem. */
const reported = (
  code: Parameters<typeof catalogue>[0],
  locale: "en" | "ja",
  params: Record<string, string | number>,
) => {
  const text = catalogue(code, locale, params);
  const [error, remedy] = locale === "ja" ? ["エラー", "対処"] : ["Error", "What to do"];
  return `${error} ${code}: ${text.message}\n${remedy}: ${text.remedy}\n`;
};

describe("usage errors in the catalogue's words (exit 2, before any request)", () => {
  it("an unknown command, with commander's suggestion, in English and Japanese", async () => {
    const run = await runCli(["prodcts"], en);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const params = { name: "prodcts", command: "ninsho", suggestion: "products" };
    expect(run.stderr).toBe(reported("USAGE_UNKNOWN_COMMAND", "en", params));
    expect(run.stderr).toContain("Did you mean products?");
    const japanese = await runCli(["prodcts"], ja);
    expect(japanese.stderr).toBe(reported("USAGE_UNKNOWN_COMMAND", "ja", params));
    expect(japanese.stderr).not.toMatch(/unknown command|error:/);
  });

  it("an unknown option names the command it was given to", async () => {
    const run = await runCli(["products", "list", "--bogus"], en);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      reported("USAGE_UNKNOWN_OPTION", "en", {
        command: "ninsho products list",
        option: "--bogus",
        suggestion: "none",
      }),
    );
  });

  it("a missing argument, a missing option value, a required option, too many arguments", async () => {
    const missing = await runCli(["licenses", "show"], ja);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      reported("USAGE_MISSING_ARGUMENT", "ja", { command: "ninsho licenses show", argument: "<id-or-key>" }),
    );
    const noValue = await runCli(["keys", "generate", "--policy"], en);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toMatch(
      /^Error USAGE_OPTION_VALUE_MISSING: The option --policy <id> of ninsho keys generate/,
    );
    const required = await runCli(["keys", "generate", "--count", "3"], en);
    expect(required.code).toBe(2);
    expect(required.stderr).toMatch(
      /^Error USAGE_REQUIRED_OPTION: ninsho keys generate needs the option --policy <id>\./,
    );
    const extra = await runCli(["licenses", "show", "a", "b"], en);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toBe(
      reported("USAGE_EXCESS_ARGUMENTS", "en", { command: "ninsho licenses show", expected: 1, received: 2 }),
    );
  });

  it("an invalid value says which value, for what, and why", async () => {
    const run = await runCli(["keys", "generate", "--policy", "pol_x", "--count", "many"], en);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^Error USAGE_INVALID_VALUE: "many" is not a valid value for --count <n> of ninsho keys generate\.\nWhat to do: Expected a whole number/,
    );
  });

  it("the reason an option's value is refused is in the user's language too", async () => {
    const count = await runCli(["keys", "generate", "--policy", "pol_x", "--count", "many"], ja);
    expect(count.code).toBe(2);
    expect(count.stderr).toBe(
      reported("USAGE_INVALID_VALUE", "ja", {
        value: "many",
        target: "--count <n>",
        command: "ninsho keys generate",
        reason: "1 以上の整数を指定してください。",
      }),
    );
    const weights = await runCli(
      ["policies", "create", "--product", "prd_x", "--name", "P", "--weights", "x"],
      ja,
    );
    expect(weights.stderr).toContain("種類=重み をカンマで区切って指定してください");
    const workers = await runCli(["serve", "--workers", "0"], ja);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toContain("--workers には 1 から 256 までの整数を指定してください。");
    for (const run of [count, weights, workers]) expect(run.stderr).not.toMatch(/[Ee]xpected|must be/);
    const english = await runCli(["serve", "--workers", "0"], en);
    expect(english.stderr).toContain("What to do: --workers must be a whole number from 1 to 256.");
  });

  it("prints the problem as JSON on stderr when --json was given", async () => {
    const run = await runCli(["products", "list", "--json", "--bogus"], en);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stderr)).toEqual({
      error: {
        code: "USAGE_UNKNOWN_OPTION",
        ...catalogue("USAGE_UNKNOWN_OPTION", "en", {
          command: "ninsho products list",
          option: "--bogus",
          suggestion: "none",
        }),
      },
    });
  });

  it("the built binary: same words, exit 2, and help still exits 0", async () => {
    const run = await spawnCli(["device", "status", "--bogus"], ja);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^エラー USAGE_UNKNOWN_OPTION: ninsho device status に --bogus というオプションはありません。/,
    );
    const help = await spawnCli(["device", "--help"], en);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe("");
  });
});
