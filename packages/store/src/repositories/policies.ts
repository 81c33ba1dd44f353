import type { Channel, ExpiryRule, Policy } from "@ninsho/core";
import type { PolicyRepository } from "../contracts.js";
import { parseJson, present } from "../json.js";
import type { PoliciesTable } from "../schema.js";
import type { Executor } from "./executor.js";

export class KyselyPolicyRepository implements PolicyRepository {
  constructor(private readonly db: Executor) {}

  async insert(policy: Policy): Promise<void> {
    await this.db.insertInto("policies").values(toRow(policy)).execute();
  }

  async findById(id: string): Promise<Policy | undefined> {
    const row = await this.db.selectFrom("policies").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toPolicy(row);
  }

  async update(policy: Policy): Promise<void> {
    const { id: _id, product_id: _p, channel: _c, created_at: _t, ...set } = toRow(policy);
    await this.db.updateTable("policies").set(set).where("id", "=", policy.id).execute();
  }

  async list(productId?: string): Promise<Policy[]> {
    let query = this.db.selectFrom("policies").selectAll().orderBy("id");
    if (productId !== undefined) query = query.where("product_id", "=", productId);
    return (await query.execute()).map(toPolicy);
  }
}

const toRow = (p: Policy): PoliciesTable => ({
  id: p.id,
  product_id: p.productId,
  name: p.name,
  channel: p.channel,
  max_devices: p.maxDevices,
  lease_seconds: p.leaseSeconds,
  grace_seconds: p.graceSeconds,
  expiry_kind: p.expiry.kind,
  expiry_at: p.expiry.kind === "fixed" ? p.expiry.at : null,
  expiry_seconds: p.expiry.kind === "duration" ? p.expiry.seconds : null,
  match_threshold: p.matchThreshold,
  component_weights: JSON.stringify(p.componentWeights),
  transferable: p.transferable ? 1 : 0,
  transfers_per_year: p.transfersPerYear,
  transfer_cooldown_seconds: p.transferCooldownSeconds ?? null,
  entitlements: JSON.stringify(p.entitlements),
  base_policy_id: p.basePolicyId ?? null,
  created_at: p.createdAt,
  seat_rules: p.seats === undefined ? null : JSON.stringify(seatRulesOf(p)),
  updated_at: p.updatedAt ?? null,
  archived_at: p.archivedAt ?? null,
  channel_rules: channelRulesOf(p),
});

/** The channel fields of a policy, as its `channel_rules` column keeps them; null when it sets none. */
function channelRulesOf(p: Policy): string | null {
  const rules = {
    ...(p.bundleComponent === undefined ? {} : { bundleComponent: p.bundleComponent }),
    ...(p.graceAfterPaymentFailureDays === undefined
      ? {}
      : { graceAfterPaymentFailureDays: p.graceAfterPaymentFailureDays }),
  };
  return Object.keys(rules).length === 0 ? null : JSON.stringify(rules);
}

/** The seat fields of a policy, as its `seat_rules` column keeps them. */
const seatRulesOf = (p: Policy) => ({
  seats: p.seats,
  ...(p.heartbeatTimeoutSeconds === undefined ? {} : { heartbeatTimeoutSeconds: p.heartbeatTimeoutSeconds }),
  ...(p.overage === undefined ? {} : { overage: p.overage }),
  ...(p.borrowMaxDays === undefined ? {} : { borrowMaxDays: p.borrowMaxDays }),
});

const toExpiry = (row: PoliciesTable): ExpiryRule => {
  if (row.expiry_kind === "fixed" && row.expiry_at !== null) return { kind: "fixed", at: row.expiry_at };
  if (row.expiry_kind === "duration" && row.expiry_seconds !== null) {
    return { kind: "duration", seconds: Number(row.expiry_seconds) };
  }
  return { kind: "none" };
};

export const toPolicy = (row: PoliciesTable): Policy => ({
  id: row.id,
  productId: row.product_id,
  name: row.name,
  channel: row.channel as Channel,
  maxDevices: Number(row.max_devices),
  leaseSeconds: Number(row.lease_seconds),
  graceSeconds: Number(row.grace_seconds),
  expiry: toExpiry(row),
  matchThreshold: Number(row.match_threshold),
  componentWeights: parseJson(row.component_weights),
  transferable: Number(row.transferable) === 1,
  transfersPerYear: Number(row.transfers_per_year),
  ...(row.transfer_cooldown_seconds === null || row.transfer_cooldown_seconds === undefined
    ? {}
    : { transferCooldownSeconds: Number(row.transfer_cooldown_seconds) }),
  entitlements: parseJson(row.entitlements),
  ...(row.base_policy_id === null ? {} : { basePolicyId: row.base_policy_id }),
  ...(row.seat_rules === null || row.seat_rules === undefined ? {} : parseJson<SeatRules>(row.seat_rules)),
  ...(row.channel_rules === null || row.channel_rules === undefined
    ? {}
    : parseJson<ChannelRules>(row.channel_rules)),
  createdAt: row.created_at,
  ...present("updatedAt", row.updated_at ?? null),
  ...present("archivedAt", row.archived_at ?? null),
});

type SeatRules = Pick<Policy, "seats" | "heartbeatTimeoutSeconds" | "overage" | "borrowMaxDays">;
type ChannelRules = Pick<Policy, "bundleComponent" | "graceAfterPaymentFailureDays">;
