/** Maps pairing rows to the API's shape. */
import type { PairingRow } from '../../db/repositories/pairings.ts';
import type { PairingItemBody } from '../../shared/schemas/pairing.ts';

export const PAIRING = { zh: '结对', en: 'pairing' };

export function toPairingItem(r: PairingRow): PairingItemBody {
  return {
    id: r.id,
    member: { id: r.member_id, name: r.member_name, post: r.member_post },
    household: { id: r.household_id, headName: r.head_name, status: r.household_status },
    villageName: r.village_name,
    naturalVillageName: r.natural_village_name,
    slot: r.slot,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    endReason: r.end_reason,
    successorId: r.successor_id,
    measures: r.measures,
    plaqueCode: r.plaque_code,
    needsHandover: r.needs_handover,
  };
}
