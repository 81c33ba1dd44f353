import type { TransferAllowanceSchema } from "@ninsho/contract";
import type * as z from "zod";
import { useSpeech } from "../i18n.js";

const DAY_SECONDS = 86_400;

/**
 * The moves a license has left, said before the owner chooses: how many of the year's, the cool-down between
 * two, and when the next is possible if none is now.
 */
export function Allowance({ transfers }: { readonly transfers: z.infer<typeof TransferAllowanceSchema> }) {
  const { words, t, when } = useSpeech();
  const w = words.portal;
  if (!transfers.allowed) return <p class="allowance">{w.allowanceNone}</p>;
  const days = Math.ceil(transfers.cooldownSeconds / DAY_SECONDS);
  return (
    <div class="allowance">
      <p>
        <strong>{t(w.allowanceLeft, { left: transfers.left, perYear: transfers.perYear })}</strong>
      </p>
      {days > 0 && <p>{t(w.cooldown, { days })}</p>}
      {transfers.nextAt !== undefined && (
        <p>
          {t(transfers.blockedBy === "cooldown" ? w.blockedCooldown : w.blockedPeriod, {
            date: when(transfers.nextAt),
          })}
        </p>
      )}
    </div>
  );
}
