import type { ServerErrorCode } from "./codes.js";
import type { CodeTexts } from "./text.js";

/** The codes of the self-service hardware change (a part of the server catalogue, kept in its own file). */
export type TransferErrorCode = Extract<
  ServerErrorCode,
  | "DEVICE_REPLACED"
  | "TRANSFER_ALLOWANCE_EXHAUSTED"
  | "TRANSFER_PROOF_REQUIRED"
  | "TRANSFER_CODE_INVALID"
  | "TRANSFER_LIMIT_REACHED"
  | "REACTIVATION_PROOF_REQUIRED"
>;

/**
 * The words of the transfer codes in every locale, spread into `serverCatalogue`. `DEVICE_REPLACED` names the
 * day, the machine that took the slot and how the move was proven (`by`: account, code, phone, file, support),
 * so whoever sits at the old machine knows whether it was them; `TRANSFER_ALLOWANCE_EXHAUSTED` says which
 * limit (`reason`: period or cooldown), from when the next move is possible and which support request was opened.
 * `TRANSFER_LIMIT_REACHED` is retired (its words as they were, for a server of that time; the remedy names its
 * successor).
 * `REACTIVATION_PROOF_REQUIRED` says when the license was found running on two copies of one machine and until
 * when the key alone no longer moves it between them: the way out is the same proven move.
 * @example
 * transferCatalogue.DEVICE_REPLACED.ja.remedy;
 */
export const transferCatalogue: CodeTexts<TransferErrorCode> = {
  DEVICE_REPLACED: {
    en: {
      message:
        "This device was replaced on {replacedAt}: its license moved to {newDevice}, {by, select, account {by the license's owner, signed in to their account} code {with the product key and a code mailed to the license's owner} phone {by a phone activation} file {by a license file} support {by the vendor's support} other {by the license's owner}}.",
      remedy:
        "If this machine should run the software, move the license back to it with a transfer (it uses one from the allowance). If nobody you know moved it, contact the vendor's support: the license's timeline shows the move.",
    },
    ja: {
      message:
        "このデバイスは {replacedAt} に置き換えられました。ライセンスは {newDevice} へ移されました（{by, select, account {所有者がアカウントにサインインして実施} code {プロダクトキーと所有者宛てにメールで送ったコードで実施} phone {電話認証で実施} file {ライセンスファイルで実施} support {販売元のサポートが実施} other {所有者が実施}}）。",
      remedy:
        "このマシンで使う場合は、移行でライセンスをこのマシンへ戻してください（移行回数を 1 回使います）。心当たりがない場合は販売元のサポートにお問い合わせください。ライセンスの履歴に移行の記録があります。",
    },
  },
  TRANSFER_ALLOWANCE_EXHAUSTED: {
    en: {
      message:
        "This license cannot move to another machine now: {reason, select, cooldown {its policy waits {cooldownHours, plural, one {# hour} other {# hours}} between moves} other {it was moved {used, plural, one {# time} other {# times}} in the last 365 days, its whole allowance}} (allowance {allowance} a year; last move {lastAt}).",
      remedy:
        "The next move is possible from {nextAt}. {request, select, none {Support can move it sooner after checking the purchase.} other {Support request {request} was opened with this license's devices and history; support can move it sooner.}}",
    },
    ja: {
      message:
        "このライセンスは現在、別のマシンへ移行できません。{reason, select, cooldown {ポリシーでは移行の間隔を {cooldownHours, plural, other {# 時間}}空ける必要があります。} other {過去 365 日に {used} 回移行され、上限に達しています。}}（年間の上限 {allowance} 回、前回の移行 {lastAt}）",
      remedy:
        "次の移行は {nextAt} から可能です。{request, select, none {購入を確認したうえでサポートが早めに移行できます。} other {サポート依頼 {request} をこのライセンスのデバイスと履歴を添えて作成しました。サポートが早めに移行できます。}}",
    },
  },
  TRANSFER_LIMIT_REACHED: {
    en: {
      message:
        "This license was already transferred {used} times in the last 365 days (allowance {allowance}).",
      remedy:
        "The next transfer becomes available on {nextAt}; support can grant an exception for a hardware repair. (A retired code: servers now answer TRANSFER_ALLOWANCE_EXHAUSTED instead.)",
    },
    ja: {
      message: "このライセンスは過去 365 日に既に {used} 回移行されています（上限 {allowance} 回）。",
      remedy:
        "次の移行は {nextAt} から可能です。修理による交換の場合はサポートが例外を認めることができます。（廃止されたコードです。現在のサーバーは代わりに TRANSFER_ALLOWANCE_EXHAUSTED を返します。）",
    },
  },
  TRANSFER_PROOF_REQUIRED: {
    en: {
      message: "Moving a license needs proof that it is yours; the product key alone is not enough.",
      remedy:
        "Sign in to the account the license belongs to, or ask for a code mailed to the license's owner and send it with the key (`ninsho device transfer --replaces DEVICE` mails the code; run it again with `--code CODE`). A license with no owner yet: link it to your account with its key first, then sign in.",
    },
    ja: {
      message:
        "ライセンスを移行するには所有者であることの証明が必要です。プロダクトキーだけでは移行できません。",
      remedy:
        "ライセンスを登録したアカウントにサインインするか、所有者宛てにメールで送られるコードを取得し、キーと一緒に送信してください（`ninsho device transfer --replaces DEVICE` でコードがメールされ、`--code CODE` を付けて再実行します）。所有者が未登録のライセンスは、先にキーでアカウントに登録してからサインインしてください。",
    },
  },
  TRANSFER_CODE_INVALID: {
    en: {
      message:
        "The transfer code is wrong or no longer valid ({attemptsLeft, plural, =0 {no tries left for this code} one {# try left} other {# tries left}}).",
      remedy:
        "Type the code from the newest mail exactly. A code works for 15 minutes and 5 tries; after that, ask for a new one.",
    },
    ja: {
      message: "移行コードが間違っているか、有効期限が切れています（残り {attemptsLeft} 回）。",
      remedy:
        "最新のメールにあるコードを正確に入力してください。コードの有効期間は 15 分、試行は 5 回までです。それを過ぎたら新しいコードを取得してください。",
    },
  },
  REACTIVATION_PROOF_REQUIRED: {
    en: {
      message:
        "This license was recently used by two copies of one machine (found on {forkedAt}), and its activation for this machine is in use on another copy: until {guardEndsAt} the product key alone does not decide which copy runs.",
      remedy:
        "To run it here, move the license to this machine with a transfer from the device named in this answer, proven by the code mailed to the license's owner or by signing in to their account (`ninsho device transfer --replaces DEVICE` mails the code; run it again with `--code CODE`; it uses one move from the allowance), or ask the vendor's support.",
    },
    ja: {
      message:
        "このライセンスは最近、1 台のマシンの複製 2 台で使われていました（{forkedAt} に検出）。このマシンのアクティベーションは別の複製で使用中のため、{guardEndsAt} まではプロダクトキーだけではどの複製で動かすかを決められません。",
      remedy:
        "このマシンで使うには、この応答に示されたデバイスからの移行でライセンスをこのマシンへ移してください。所有者宛てにメールで送られるコード、または所有者のアカウントへのサインインで証明します（`ninsho device transfer --replaces DEVICE` でコードがメールされ、`--code CODE` を付けて再実行します。移行回数を 1 回使います）。または販売元のサポートにお問い合わせください。",
    },
  },
};
