import { spawn } from "node:child_process";

/**
 * A command an OS key store is reached through: the program, its arguments, and what it reads on stdin (a
 * secret goes there, never in the arguments, which other processes of the machine can list).
 *
 * @example
 * const command: ToolCommand = { file: "/usr/bin/security", args: ["-i"], input: "find-generic-password …\n" };
 */
export interface ToolCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly input?: string;
}

/**
 * How a command is run: its exit code and standard output. Injectable, so the platform modules are tested by
 * the commands they build on any OS.
 *
 * @example
 * const run: ToolRunner = async () => ({ code: 0, stdout: "" });
 */
export type ToolRunner = (
  command: ToolCommand,
) => Promise<{ readonly code: number; readonly stdout: string }>;

/**
 * Run a command without a shell, its secret input on stdin; a program that cannot start is exit code 127.
 *
 * @example
 * const { code, stdout } = await runTool({ file: "security", args: ["find-generic-password", "-w"] });
 */
export const runTool: ToolRunner = (command) =>
  new Promise((resolve) => {
    const child = spawn(command.file, [...command.args], {
      stdio: ["pipe", "pipe", "ignore"],
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", () => resolve({ code: 127, stdout: "" }));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(chunks).toString("utf8") }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(command.input ?? "");
  });
