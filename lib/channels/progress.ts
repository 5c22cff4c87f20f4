/**
 * Households from every channel, each counted once. The kiosk's signups and the operators' lists name the same
 * households; a kiosk signup and an operator's row (or two operators' rows) are one household when they share an ID
 * number, or a phone number in the same commune (the kiosk's own rule for duplicates, server/kiosk/households.ts).
 */
export const channels = ['kiosk', 'postmart', 'voso'] as const;
export type Channel = (typeof channels)[number];

export interface ChannelRecord {
  channel: Channel;
  communeCode: string;
  /** Hashes as the kiosk's roster makes them (server/channels/identity.ts); null when the record has none. */
  phoneHash: string | null;
  idHash: string | null;
  /** Left by a retention purge on every record of a household whose phone or ID hashes it removed (server/ops/purge.ts). */
  matchKey?: string | null;
  shop: boolean;
  payment: boolean;
  products: number;
}

export interface ChannelFigures {
  households: number;
  shops: number;
  payments: number;
  productsListed: number;
}

export interface CommuneFigures extends Omit<ChannelFigures, 'households'> {
  both: number;
  channels: Record<Channel, ChannelFigures>;
}

const emptyFigures = (): ChannelFigures => ({ households: 0, shops: 0, payments: 0, productsListed: 0 });
export const emptyCommuneFigures = (): CommuneFigures => ({ shops: 0, payments: 0, both: 0, productsListed: 0, channels: { kiosk: emptyFigures(), postmart: emptyFigures(), voso: emptyFigures() } });

/**
 * The households the records make: each group lists its records' indexes in `records`, the one whose commune the
 * household belongs to first (its kiosk signup, else its first record in the order given). Records meet on an ID
 * number, a phone number in the same commune, or the match key a retention purge leaves in place of both.
 */
export function householdGroups(records: ChannelRecord[]): number[][] {
  // Kiosk records first: a household's commune is the one the officer recorded.
  const sorted = records.map((_, i) => i).sort((a, b) => channels.indexOf(records[a].channel) - channels.indexOf(records[b].channel) || a - b);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    // The lower index (a kiosk record when there is one) stays the root.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const owner = new Map<string, number>();
  sorted.forEach((at, i) => {
    const r = records[at];
    const keys = [r.idHash && `id:${r.idHash}`, r.phoneHash && `phone:${r.communeCode}:${r.phoneHash}`, r.matchKey && `match:${r.matchKey}`].filter(Boolean) as string[];
    for (const k of keys) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else union(o, i);
    }
  });
  const groups = new Map<number, number[]>();
  sorted.forEach((at, i) => {
    const root = find(i);
    const members = groups.get(root);
    if (members) members.push(at);
    else groups.set(root, [at]);
  });
  return [...groups.values()];
}

/**
 * Each commune's households with a shop, a payment account, both, and products listed, in total and by channel.
 * A household belongs to the commune of its kiosk signup, else of its first record. Within one channel a household
 * listed twice counts its products once (the larger count); across channels its shops' products add up.
 */
export function figuresByCommune(records: ChannelRecord[]): Map<string, CommuneFigures> {
  const out = new Map<string, CommuneFigures>();
  for (const group of householdGroups(records)) {
    const members = group.map((i) => records[i]);
    const commune = members[0].communeCode;
    const f = out.get(commune) ?? emptyCommuneFigures();
    let shop = false;
    let payment = false;
    for (const channel of channels) {
      const mine = members.filter((m) => m.channel === channel);
      if (!mine.length) continue;
      const c = f.channels[channel];
      const hasShop = mine.some((m) => m.shop);
      const hasPayment = mine.some((m) => m.payment);
      const products = Math.max(...mine.map((m) => m.products));
      c.households++;
      if (hasShop) c.shops++;
      if (hasPayment) c.payments++;
      c.productsListed += products;
      f.productsListed += products;
      shop ||= hasShop;
      payment ||= hasPayment;
    }
    if (shop) f.shops++;
    if (payment) f.payments++;
    if (shop && payment) f.both++;
    out.set(commune, f);
  }
  return out;
}

/** A share in percent to one decimal, as every progress figure shows it; null without a household count. */
export const percentOf = (part: number, whole: number | null) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
