/** What the report covers: a campaign period or, for the province, a calendar month (yyyy-mm). */
export type Scope = { period: string } | { month: string };

/** The scope as the collector's query (?period= or ?month=, server/reports/tally.ts scopeOf). */
export const scopeQuery = (s: Scope) => ('period' in s ? `period=${encodeURIComponent(s.period)}` : `month=${encodeURIComponent(s.month)}`);
