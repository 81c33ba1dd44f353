import type { ServerErrorCode } from "./codes.js";
import type { CodeTexts } from "./text.js";

/** The codes of floating seats and workloads (a part of the server catalogue, kept in its own file). */
export type SeatErrorCode = Extract<
  ServerErrorCode,
  | "NO_SEAT_AVAILABLE"
  | "SEAT_NOT_FOUND"
  | "SEAT_EXPIRED"
  | "SEAT_CHANNEL_REQUIRED"
  | "SEAT_REQUEST_INVALID"
  | "BORROW_NOT_ALLOWED"
  | "LICENSE_USES_SEATS"
>;

/**
 * The words of the seat codes in every locale, spread into `serverCatalogue`.
 * @example
 * seatCatalogue.NO_SEAT_AVAILABLE.ja.remedy;
 */
export const seatCatalogue: CodeTexts<SeatErrorCode> = {
  NO_SEAT_AVAILABLE: {
    en: {
      message:
        "All {seats} seats of this license are in use ({held} held); the next one frees at {nextFreeAt} at the latest.",
      remedy:
        "Try again after that time, close the app on a machine that does not need it, or ask your administrator for more seats.",
    },
    ja: {
      message:
        "このライセンスの {seats} 席はすべて使用中です（{held} 席）。遅くとも {nextFreeAt} に次の席が空きます。",
      remedy:
        "その時刻以降にもう一度試すか、不要なマシンでアプリを終了するか、管理者に席の追加を依頼してください。",
    },
  },
  SEAT_NOT_FOUND: {
    en: {
      message: "No seat {seatId} is held with this secret.",
      remedy: "Check a seat out again with the product key; a seat is renewed only by the one that holds it.",
    },
    ja: {
      message: "このシークレットで保持されている席 {seatId} はありません。",
      remedy: "プロダクトキーで席をもう一度取得してください。席を更新できるのは保持しているものだけです。",
    },
  },
  SEAT_EXPIRED: {
    en: {
      message:
        "Seat {seatId} lapsed at {expiredAt} ({cause, select, returned {it was returned} other {no heartbeat came in time}}).",
      remedy: "Check a seat out again; keep heartbeats more frequent than the policy's timeout.",
    },
    ja: {
      message:
        "席 {seatId} は {expiredAt} に失効しました（{cause, select, returned {返却済みです} other {時間内にハートビートがありませんでした}}）。",
      remedy:
        "もう一度席を取得してください。ハートビートはポリシーのタイムアウトより短い間隔で送ってください。",
    },
  },
  SEAT_CHANNEL_REQUIRED: {
    en: {
      message: "This license is a {channel} license: it is activated on devices, not used through seats.",
      remedy:
        "Activate the machine with POST /v1/activations, or use a key of a floating or workload policy.",
    },
    ja: {
      message:
        "このライセンスは {channel} ライセンスです。席ではなくデバイスのアクティベーションで使います。",
      remedy:
        "POST /v1/activations でマシンをアクティベートするか、フローティングまたはワークロードのポリシーのキーを使ってください。",
    },
  },
  SEAT_REQUEST_INVALID: {
    en: {
      message:
        "A check-out of a {channel} license needs {channel, select, workload {a workload identity (workload.id)} other {the machine's fingerprint and device}}.",
      remedy:
        "Send {channel, select, workload {the pod, task or instance id as workload.id} other {fingerprint and device as for an activation}}.",
    },
    ja: {
      message:
        "{channel} ライセンスの席の取得には {channel, select, workload {ワークロード ID（workload.id）} other {マシンのフィンガープリントとデバイス情報}} が必要です。",
      remedy:
        "{channel, select, workload {ポッド・タスク・インスタンスの ID を workload.id として} other {アクティベーションと同じく fingerprint と device を}}送信してください。",
    },
  },
  BORROW_NOT_ALLOWED: {
    en: {
      message:
        "{maxDays, plural, =0 {This license's policy does not allow borrowing a seat.} other {This license's policy allows borrowing a seat for at most {maxDays} days; {requested} were asked.}}",
      remedy:
        "{maxDays, plural, =0 {Keep the machine online while it uses a seat.} other {Borrow for {maxDays} days or fewer, and return the seat early when back.}}",
    },
    ja: {
      message:
        "{maxDays, plural, =0 {このライセンスのポリシーでは席を借り出せません。} other {このライセンスのポリシーで席を借り出せるのは最大 {maxDays} 日です（{requested} 日が要求されました）。}}",
      remedy:
        "{maxDays, plural, =0 {席を使う間はマシンをオンラインにしてください。} other {{maxDays} 日以下で借り出し、戻ったら早めに返却してください。}}",
    },
  },
  LICENSE_USES_SEATS: {
    en: {
      message:
        "This is a {channel} license: it is used by checking a seat out while the app runs, not by activating a device.",
      remedy: "Check a seat out with POST /v1/seats (the SDK's createSeatClient) instead of activating.",
    },
    ja: {
      message:
        "これは {channel} ライセンスです。デバイスのアクティベーションではなく、アプリの実行中に席を取得して使います。",
      remedy:
        "アクティベーションの代わりに POST /v1/seats（SDK の createSeatClient）で席を取得してください。",
    },
  },
};
