import type { ServerErrorCode } from "./codes.js";
import type { CodeTexts } from "./text.js";

/** The codes of the on-premises relay and its volume grant (a part of the server catalogue, in its own file). */
export type RelayErrorCode = Extract<
  ServerErrorCode,
  | "RELAY_GRANT_INVALID"
  | "RELAY_GRANT_EXPIRED"
  | "RELAY_GRANT_NOT_YET_VALID"
  | "RELAY_GRANT_NOT_VOLUME"
  | "RELAY_GRANT_FULL"
  | "RELAY_CLOCK_ROLLBACK"
  | "RELAY_STATE_ROLLBACK"
  | "USAGE_REPORT_INVALID"
>;

/**
 * The words of the relay codes in every locale, spread into `serverCatalogue`. `why` of a refused grant or
 * report is one of `malformed`, `unknown_key`, `bad_signature`, `wrong_type`, `claims`, `other_grant`.
 * @example
 * relayCatalogue.RELAY_GRANT_FULL.ja.message;
 */
export const relayCatalogue: CodeTexts<RelayErrorCode> = {
  RELAY_GRANT_INVALID: {
    en: {
      message:
        "The volume grant cannot be trusted: {why, select, malformed {it is not a well-formed grant} unknown_key {it is not signed by a key of this product's vendor} bad_signature {its signature does not match its contents (it was altered or forged)} wrong_type {it is not a volume grant} other {its terms are incomplete}}.",
      remedy:
        "Use the grant file exactly as the vendor sent it; if it was changed or lost, ask the vendor to issue a new one for this relay's request file.",
    },
    ja: {
      message:
        "ボリューム許諾を信頼できません: {why, select, malformed {許諾の形式が正しくありません} unknown_key {この製品のベンダーの鍵で署名されていません} bad_signature {署名が内容と一致しません（改変または偽造されています）} wrong_type {ボリューム許諾ではありません} other {条件が不足しています}}。",
      remedy:
        "ベンダーから届いた許諾ファイルをそのまま使ってください。変更・紛失した場合は、このリレーの要求ファイルで新しい許諾の発行をベンダーに依頼してください。",
    },
  },
  RELAY_GRANT_EXPIRED: {
    en: {
      message:
        "The volume grant {grantId} ended at {expiredAt}; the relay admits and renews no device under it.",
      remedy: "Ask the vendor for a renewed grant and restart the relay with it (ninsho relay --grant FILE).",
    },
    ja: {
      message:
        "ボリューム許諾 {grantId} は {expiredAt} に終了しました。リレーはこの許諾でデバイスを受け入れも更新もしません。",
      remedy:
        "ベンダーに許諾の更新を依頼し、新しい許諾でリレーを再起動してください（ninsho relay --grant FILE）。",
    },
  },
  RELAY_GRANT_NOT_YET_VALID: {
    en: {
      message: "The volume grant {grantId} takes effect at {notBefore}, which has not come yet.",
      remedy: "Start the relay with it after that time, or check this machine's clock.",
    },
    ja: {
      message: "ボリューム許諾 {grantId} の開始は {notBefore} で、まだその時刻になっていません。",
      remedy: "その時刻以降にこの許諾でリレーを起動するか、このマシンの時計を確認してください。",
    },
  },
  RELAY_GRANT_NOT_VOLUME: {
    en: {
      message:
        "License {licenseId} is a {channel} license; a volume grant is issued only for a volume license.",
      remedy: "Issue the grant for the customer's volume license, or sell them one.",
    },
    ja: {
      message:
        "ライセンス {licenseId} は {channel} ライセンスです。ボリューム許諾はボリュームライセンスにのみ発行できます。",
      remedy: "顧客のボリュームライセンスに許諾を発行するか、ボリュームライセンスを販売してください。",
    },
  },
  RELAY_GRANT_FULL: {
    en: {
      message: "All {maxDevices} devices of volume grant {grantId} are admitted; this machine is not.",
      remedy:
        "Ask your IT department: the relay's admin page shows who holds the grant, and the vendor can issue a larger one.",
    },
    ja: {
      message:
        "ボリューム許諾 {grantId} の {maxDevices} 台はすべて受け入れ済みです。このマシンは受け入れられません。",
      remedy:
        "IT 部門に相談してください。リレーの管理ページで許諾を使っているマシンを確認でき、ベンダーはより大きな許諾を発行できます。",
    },
  },
  RELAY_CLOCK_ROLLBACK: {
    en: {
      message:
        "The relay's clock reads {now}, earlier than {trustedTime}, a time it has already seen signed; it issues nothing until the clock is right.",
      remedy: "Set the relay machine's clock to the correct time (enable NTP) and try again.",
    },
    ja: {
      message:
        "リレーの時計は {now} ですが、署名付きで既に確認した時刻 {trustedTime} より前です。時計が正しくなるまで何も発行しません。",
      remedy: "リレーのマシンの時計を正しい時刻に合わせ（NTP を有効にして）、もう一度試してください。",
    },
  },
  RELAY_STATE_ROLLBACK: {
    en: {
      message:
        "The relay's records are older than a lease it has signed (admission {seen}, where its records end at {recorded}): its data was restored from an old backup. It admits no new device under grant {grantId}.",
      remedy:
        "Devices admitted before keep renewing. Restore the latest data folder, or ask the vendor for a new grant and start the relay with a fresh data folder.",
    },
    ja: {
      message:
        "リレーの記録が、自身が署名したリースより古くなっています（受け入れ番号 {seen}、記録は {recorded} まで）。データが古いバックアップから復元されました。許諾 {grantId} で新しいデバイスは受け入れません。",
      remedy:
        "既に受け入れたデバイスは更新を続けられます。最新のデータフォルダーを復元するか、ベンダーに新しい許諾を依頼して新しいデータフォルダーでリレーを起動してください。",
    },
  },
  USAGE_REPORT_INVALID: {
    en: {
      message:
        "The usage report cannot be trusted: {why, select, malformed {it is not a well-formed report} unknown_key {its grant is not signed by this product's key} bad_signature {it was altered after the relay signed it, or forged} wrong_type {it is not a usage report} other_grant {it is signed by a relay its grant does not certify} other {its figures are incomplete}}.",
      remedy: "Import the report file exactly as the relay wrote it (ninsho relay report --out FILE).",
    },
    ja: {
      message:
        "利用レポートを信頼できません: {why, select, malformed {レポートの形式が正しくありません} unknown_key {許諾がこの製品の鍵で署名されていません} bad_signature {リレーの署名後に改変されたか、偽造されています} wrong_type {利用レポートではありません} other_grant {許諾が認証していないリレーが署名しています} other {数値が不足しています}}。",
      remedy:
        "リレーが書き出したレポートファイルをそのまま取り込んでください（ninsho relay report --out FILE）。",
    },
  },
};
