/** A world's Party group activity for the route walks (access matrix, masking crawl): held today, with a photo. */
import { chinaDateOf } from '../src/domain/dates.ts';
import type { TestApp } from './app.ts';
import { TINY_PNG, type World } from './factories.ts';

/** A held activity of the world's group with one photo, made through the API as the county admin. */
export async function heldActivity(t: TestApp, w: World): Promise<{ activityId: number; photoId: number }> {
  const api = `/api/counties/${w.county}/party-activities`;
  const payload = { groupId: w.groupId, kind: 'theme_day', heldOn: chinaDateOf(), topic: '主题党日' };
  const created = await t.inject({ method: 'POST', url: api, payload });
  if (created.statusCode !== 201) throw new Error(`activity: ${created.body}`);
  const activityId: number = created.json().id;
  const photo = await t.inject({
    method: 'POST',
    url: `${api}/${activityId}/photos`,
    payload: { data: TINY_PNG, thumbnail: TINY_PNG },
  });
  if (photo.statusCode !== 201) throw new Error(`activity photo: ${photo.body}`);
  return { activityId, photoId: photo.json().photos[0].id as number };
}
