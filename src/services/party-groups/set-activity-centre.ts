/** Set a Party group's activity centre (活动阵地): address, optional coordinates, opening notes. */

import type { Kysely } from 'kysely';
import { addGridEvent, setGroupActivityCentre } from '../../db/repositories/party-groups.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { write } from '../write.ts';
import { getPartyGroup } from './get-party-group.ts';
import { groupStep, refuse } from './group-write.ts';

export interface ActivityCentreInput {
  address: string;
  lat?: number | undefined;
  lng?: number | undefined;
  notes?: string | undefined;
}

/**
 * Stores the activity centre of group `id`. Coordinates come as a pair (the schema bounds each to China);
 * one without the other is refused (422). Writes `activity_centre_set` to the grid's history.
 */
export async function setActivityCentre(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: ActivityCentreInput,
  today: string = chinaDateOf(),
) {
  return write(db, county, (ctx) =>
    groupStep(ctx, id, 'party_group.activity_centre', async (tx, group) => {
      const address = input.address.trim();
      if (address === '') {
        throw refuse('address', 'blank', { zh: '地址不能只有空格', en: 'The address cannot be only spaces' });
      }
      if ((input.lat === undefined) !== (input.lng === undefined)) {
        const missing = input.lat === undefined ? 'lat' : 'lng';
        throw refuse(missing, 'coordinates_pair', {
          zh: '经纬度须同时填写或同时不填',
          en: 'Give both latitude and longitude, or neither',
        });
      }
      await setGroupActivityCentre(tx, county, id, {
        address,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        notes: input.notes?.trim() ?? '',
      });
      await addGridEvent(tx, county, Number(group.grid_id), 'activity_centre_set', {
        groupId: id,
        address,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
      });
      return getPartyGroup(tx, county, id, today);
    }),
  );
}
