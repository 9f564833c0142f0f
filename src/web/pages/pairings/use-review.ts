/**
 * The review state of the suggestion page: swaps chosen per household, the selected rows, and confirming pairs.
 * A failed confirmation keeps its 422 details per row (`pairs.3.memberId` belongs to the fourth pair sent); a
 * 409 (someone took a slot meanwhile) becomes a reload hint; anything else shows above the table.
 */
import type { Key } from 'react';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type Alternative, type Suggestion, useConfirmPairings } from './pairing-api.ts';
import type { ReviewRow } from './suggestion-columns.tsx';

export interface ConfirmOutcome {
  confirmed: number;
  conflict: boolean;
  error: unknown;
  /** Every problem of `error` is shown on its row. */
  onRows: boolean;
}

/** Each pair's problems by household id, from a 422's `pairs.<index>.<field>` details. */
function problemsByHousehold(error: ApiError, sent: ReviewRow[]): { rows: Map<number, string[]>; other: boolean } {
  const rows = new Map<number, string[]>();
  let other = false;
  for (const d of error.details) {
    const index = /^pairs\.(\d+)\./.exec(d.path)?.[1];
    const row = index === undefined ? undefined : sent[Number(index)];
    if (!row) other = true;
    else {
      const id = row.suggestion.household.id;
      rows.set(id, [...(rows.get(id) ?? []), d.message]);
    }
  }
  return { rows, other };
}

export function useReview(county: string) {
  const confirm = useConfirmPairings(county);
  const [swaps, setSwaps] = useState<Map<number, Alternative>>(new Map());
  const [selected, setSelected] = useState<Key[]>([]);
  const [problems, setProblems] = useState<Map<number, string[]>>(new Map());
  const [outcome, setOutcome] = useState<ConfirmOutcome | null>(null);

  const toRow = (s: Suggestion): ReviewRow => {
    const swap = swaps.get(s.household.id);
    return { suggestion: s, chosen: swap ?? s, swapped: Boolean(swap), problems: problems.get(s.household.id) ?? [] };
  };

  const swap = (householdId: number, alternative: Alternative | null) =>
    setSwaps((prev) => {
      const next = new Map(prev);
      if (alternative) next.set(householdId, alternative);
      else next.delete(householdId);
      return next;
    });

  const accept = async (rows: ReviewRow[], startOn: string) => {
    setProblems(new Map());
    setOutcome(null);
    const pairs = rows.map((r) => ({ memberId: r.chosen.member.id, householdId: r.suggestion.household.id }));
    try {
      const result = await confirm.mutateAsync({ startOn, pairs });
      setSelected((prev) => prev.filter((k) => !pairs.some((p) => p.householdId === k)));
      setOutcome({ confirmed: result.items.length, conflict: false, error: null, onRows: false });
    } catch (e) {
      const perRow = e instanceof ApiError && e.status === 422 ? problemsByHousehold(e, rows) : null;
      if (perRow) setProblems(perRow.rows);
      const conflict = e instanceof ApiError && e.status === 409;
      setOutcome({ confirmed: 0, conflict, error: conflict ? null : e, onRows: Boolean(perRow && !perRow.other) });
    }
  };

  /** Forgets the last confirmation's problems (before reloading the suggestions). */
  const clear = () => {
    setProblems(new Map());
    setOutcome(null);
  };

  return { toRow, swap, selected, setSelected, accept, busy: confirm.isPending, outcome, setOutcome, clear };
}
