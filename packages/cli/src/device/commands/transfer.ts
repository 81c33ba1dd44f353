import type { Command } from "commander";
import { when } from "../../admin/format.js";
import type { Io } from "../../admin/io.js";
import { deviceCommand, withSession } from "../command.js";
import { type DeviceContext, runDevice } from "../context.js";
import { DeviceExitCode, exitForProblem } from "../exit.js";
import { DeviceFailure } from "../failure.js";
import type { DeviceSession } from "../session.js";

interface TransferOptions {
  readonly replaces?: string;
  readonly code?: string;
}

/**
 * `ninsho device transfer --replaces DEVICE_ID [--code CODE]`: move the license from an old machine to this one
 * in self-service (story 4: a new motherboard), proven by a code mailed to the license's owner. Without
 * `--code` it shows the allowance left, mails the code and says how to go on; with it, the license moves and
 * the old machine is refused with DEVICE_REPLACED at its next contact. The device id may also come first.
 * @example
 * ninsho device transfer --replaces dev_01OLDMACHINE              # mails the code to the owner
 * ninsho device transfer --replaces dev_01OLDMACHINE --code 48213907
 */
export function registerTransfer(device: Command, io: Io): void {
  deviceCommand(
    device,
    "transfer [deviceId]",
    "move the license from another device to this machine (a code mailed to the owner proves it)",
  )
    .option("--replaces <deviceId>", "the device this machine replaces (its id, e.g. from the doctor's list)")
    .option("--code <code>", "the code mailed to the license's owner")
    .action((positional: string | undefined, options: TransferOptions, command: Command) =>
      runDevice(io, command, (ctx) =>
        withSession(ctx, { pin: true }, async (session) => {
          const replaces = options.replaces ?? positional;
          if (replaces === undefined) {
            const params = { command: "ninsho device transfer", option: "--replaces" };
            throw DeviceFailure.of(DeviceExitCode.usage, "USAGE_REQUIRED_OPTION", ctx.locale, params);
          }
          await session.readMachine();
          if (options.code === undefined) return sendCode(ctx, session, replaces);
          const result = await session.client.transfer(replaces, { code: options.code });
          if (!result.ok) throw DeviceFailure.problem(result.problem);
          if (ctx.json) {
            ctx.printJson({
              ok: true,
              deviceId: result.deviceId,
              transfersLeft: result.transfersLeft,
              status: result.status,
            });
          } else ctx.print(ctx.m.transferred(replaces, result.deviceId, result.transfersLeft));
          return 0;
        }),
      ),
    );
}

/**
 * Show what is left, then mail the code. A policy without transfers is refused here, before any mail; a spent
 * allowance still gets its code: the move it proves is refused, but that refusal opens a support request,
 * which only the proven owner may open.
 */
async function sendCode(ctx: DeviceContext, session: DeviceSession, replaces: string): Promise<number> {
  const shown = await session.client.transferOptions();
  if (!shown.ok) throw DeviceFailure.problem(shown.problem);
  const { transfers } = shown.options;
  if (!transfers.allowed)
    throw DeviceFailure.of(exitForProblem("TRANSFER_NOT_ALLOWED"), "TRANSFER_NOT_ALLOWED", ctx.locale);
  const sent = await session.client.requestTransferCode();
  if (!sent.ok) throw DeviceFailure.problem(sent.problem);
  const next = `ninsho device transfer --replaces ${replaces} --code <code>`;
  if (ctx.json) {
    ctx.printJson({ ok: true, codeSentTo: sent.to, expiresAt: sent.expiresAt, transfers, next });
    return 0;
  }
  ctx.print(
    ctx.m.transferAllowance(transfers.left, transfers.perYear, transfers.nextAt && when(transfers.nextAt)),
  );
  ctx.print(ctx.m.transferCodeSent(sent.to, when(sent.expiresAt), next));
  return 0;
}
