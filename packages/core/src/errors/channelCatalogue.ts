import type { ServerErrorCode } from "./codes.js";
import type { CodeTexts } from "./text.js";

/** The codes of the channel rules (OEM, bundle, trial, upgrade, subscription), kept in their own file. */
export type ChannelErrorCode = Extract<
  ServerErrorCode,
  | "OEM_BOARD_CHANGED"
  | "BUNDLE_COMPONENT_CHANGED"
  | "BOUND_COMPONENT_MISSING"
  | "BOUND_COMPONENT_NOT_BY_PHONE"
  | "WARRANTY_REPAIR_NOT_APPLICABLE"
  | "TRIAL_ALREADY_USED"
  | "UPGRADE_BASE_REQUIRED"
  | "UPGRADE_BASE_INVALID"
  | "LICENSE_UPGRADED"
  | "SUBSCRIPTION_PAST_DUE"
>;

/**
 * The words of the channel codes in every locale, spread into `serverCatalogue`.
 * @example
 * channelCatalogue.OEM_BOARD_CHANGED.ja.remedy;
 */
export const channelCatalogue: CodeTexts<ChannelErrorCode> = {
  OEM_BOARD_CHANGED: {
    en: {
      message:
        "This preinstalled (OEM) license belongs to the motherboard it was first activated on, and this machine's motherboard is a different one.",
      remedy:
        "If the motherboard was replaced under warranty, ask the vendor's support to record the repair; the license then moves to the new board once. Otherwise, buy a retail license for this machine.",
    },
    ja: {
      message:
        "このプリインストール（OEM）ライセンスは最初にアクティベートしたマザーボードに結び付いており、このマシンのマザーボードはそれと異なります。",
      remedy:
        "保証修理でマザーボードを交換した場合は、販売元のサポートに修理の記録を依頼してください。ライセンスは一度だけ新しいボードに移ります。それ以外の場合は、このマシン用にリテール版ライセンスを購入してください。",
    },
  },
  BUNDLE_COMPONENT_CHANGED: {
    en: {
      message:
        "This license was sold with a {kind} component and is bound to it; this machine's {kind} is a different one.",
      remedy:
        "Run the software on the machine that holds the {kind} it came with, or ask the vendor's support if that part was replaced under warranty.",
    },
    ja: {
      message:
        "このライセンスは {kind} 部品に同梱されて販売され、その部品に結び付いています。このマシンの {kind} はそれと異なります。",
      remedy:
        "同梱された {kind} を搭載したマシンで使用するか、その部品を保証修理で交換した場合は販売元のサポートにお問い合わせください。",
    },
  },
  BOUND_COMPONENT_MISSING: {
    en: {
      message: "This license is bound to a {kind} component, and this machine reported none.",
      remedy:
        "Run the software with the permissions it needs to read the {kind} (see `ninsho device doctor`), then activate again.",
    },
    ja: {
      message: "このライセンスは {kind} 部品に結び付いていますが、このマシンからは報告されませんでした。",
      remedy:
        "{kind} を読み取れる権限でソフトウェアを実行し（`ninsho device doctor` を参照）、もう一度アクティベートしてください。",
    },
  },
  BOUND_COMPONENT_NOT_BY_PHONE: {
    en: {
      message:
        "This license is bound to the machine's {kind}, and an installation ID carries too little of a {kind} to tell one from another, so it cannot be activated by phone.",
      remedy:
        "Activate online, or by license file: `ninsho device request-file` writes a request that carries the full fingerprint; take it to the vendor's portal on a USB stick.",
    },
    ja: {
      message:
        "このライセンスはマシンの {kind} に結び付いていますが、インストール ID には {kind} を見分けられるだけの情報が含まれないため、電話ではアクティベートできません。",
      remedy:
        "オンラインでアクティベートするか、ライセンスファイルを使用してください。`ninsho device request-file` が完全なフィンガープリントを含む要求ファイルを作成します。USB メモリで販売元のポータルに持ち込んでください。",
    },
  },
  WARRANTY_REPAIR_NOT_APPLICABLE: {
    en: {
      message:
        "A warranty repair applies only to a license bound to a component (OEM or bundle); this one is {channel}.",
      remedy: "Move the license with a transfer instead, or check that you opened the right license.",
    },
    ja: {
      message:
        "保証修理は部品に結び付いたライセンス（OEM またはバンドル）にのみ適用されます。このライセンスは {channel} です。",
      remedy: "代わりに移行でライセンスを移すか、正しいライセンスを開いているか確認してください。",
    },
  },
  TRIAL_ALREADY_USED: {
    en: {
      message: "A trial of this product has already run on this machine.",
      remedy:
        "Buy a license to keep using the software. A trial is granted once per machine, whatever key or installation it comes with.",
    },
    ja: {
      message: "この製品の試用版は、このマシンで既に使用されています。",
      remedy:
        "引き続き使用するにはライセンスを購入してください。試用はキーやインストールにかかわらず、マシンごとに一度だけです。",
    },
  },
  UPGRADE_BASE_REQUIRED: {
    en: {
      message: "This is an upgrade license: its first activation needs the license it upgrades.",
      remedy:
        "Activate again online naming your earlier license (its key, or its id when it is activated on this machine); a phone or license-file activation cannot name it. It is then kept with the upgrade, whichever way you activate later.",
    },
    ja: {
      message:
        "これはアップグレード ライセンスです。最初のアクティベーションには、アップグレード元のライセンスが必要です。",
      remedy:
        "以前のライセンス（そのキー、またはこのマシンでアクティベート済みならその ID）を指定して、オンラインでもう一度アクティベートしてください。電話やライセンスファイルによるアクティベーションでは指定できません。以後は、どの方法でアクティベートしてもアップグレードと一緒に保持されます。",
    },
  },
  UPGRADE_BASE_INVALID: {
    en: {
      message:
        "The license named as the base does not qualify for this upgrade: {why, select, consumed {it is already the base of another upgrade} policy {it is not of the edition this upgrade requires} inactive {it is not active} machine {it is not activated on this machine, so name it by its key} other {it was not found}}.",
      remedy: "Name a license of the earlier edition that you own and that no other upgrade uses.",
    },
    ja: {
      message:
        "アップグレード元に指定したライセンスは、このアップグレードの条件を満たしません: {why, select, consumed {既に別のアップグレードの元になっています} policy {このアップグレードが必要とするエディションではありません} inactive {有効ではありません} machine {このマシンでアクティベートされていないため、キーで指定してください} other {見つかりません}}。",
      remedy:
        "お持ちの以前のエディションのライセンスで、他のアップグレードに使われていないものを指定してください。",
    },
  },
  LICENSE_UPGRADED: {
    en: {
      message: "This license was upgraded: its right now travels with the upgrade license {upgradeId}.",
      remedy:
        "Activate the upgrade license instead. If the upgrade is refunded or revoked, this license works again by itself.",
    },
    ja: {
      message:
        "このライセンスはアップグレードされました。その権利はアップグレード ライセンス {upgradeId}に引き継がれています。",
      remedy:
        "代わりにアップグレード ライセンスをアクティベートしてください。アップグレードが返金または取り消された場合、このライセンスは再び単独で使えます。",
    },
  },
  SUBSCRIPTION_PAST_DUE: {
    en: {
      message: "The subscription's payment failed and its grace period ended at {graceEndedAt}.",
      remedy:
        "Update the payment method with the vendor; the license works again as soon as the payment goes through, with no reactivation needed.",
    },
    ja: {
      message: "サブスクリプションの支払いに失敗し、猶予期間は {graceEndedAt} に終了しました。",
      remedy:
        "販売元で支払い方法を更新してください。支払いが完了すればすぐに再び使えるようになり、再アクティベーションは不要です。",
    },
  },
};
