/**
 * One demo account per role in the demo county, all with the password DEMO_PASSWORD, marked `is_demo` (refused
 * at login and for existing sessions when NODE_ENV=production). Each role sits where it naturally works:
 * admins and the auditor on the county or a township, the others around one household the demo member helps now:
 * the member account is a Party member with current pairings (role_grant.member_id), so it records help visits
 * and writes its own commitments; the group leader account is the member who leads the grid of that household's
 * natural village, so it verifies those records; the village secretary and instructor sit in its village and the
 * township admin in its township, so every role's main journey meets the same records on the shipped demo.
 */
import type { Kysely } from 'kysely';
import { demoHelperRow } from '../db/repositories/demo-accounts.ts';
import { leaderOfNaturalVillage } from '../db/repositories/grid-leaders.ts';
import { firstUnitAt } from '../db/repositories/org-units.ts';
import { insertGrant, insertUser, userIdByUsername } from '../db/repositories/users.ts';
import type { Database } from '../db/schema.ts';
import type { Role } from '../domain/access/roles.ts';
import { hashPassword } from '../services/access/passwords.ts';

export const DEMO_PASSWORD = 'lianxin2026';

/** Where the demo member account works: its member, their natural village and one they help now. */
interface DemoHelper {
  memberId: number;
  memberVillage: string;
  /** The natural village of a household the member helps now (the group leader verifies there). */
  helpedVillage: string;
}

/**
 * The Party member the demo 'member' account is: an active member who helps at least one household now (a
 * current pairing), so the phone journey — record a help visit for a paired household — can start at once.
 * Preferred: one whose helped household lives in a natural village whose grid has a group leader (who then
 * verifies the record), and in the member's own natural village. Null when the county has no current pairing.
 */
async function demoHelperOf(db: Kysely<Database>, county: string): Promise<DemoHelper | null> {
  const row = await demoHelperRow(db, county);
  if (!row?.memberVillage) return null;
  return { memberId: Number(row.id), memberVillage: row.memberVillage, helpedVillage: row.helpedVillage };
}

/** Creates the demo accounts (idempotent: existing demo usernames are skipped). */
export async function writeDemoAccounts(db: Kysely<Database>, county: string): Promise<void> {
  const helper = await demoHelperOf(db, county);
  // The helped household's natural village, its village and township: every role then meets the same records.
  const natural = helper?.helpedVillage ?? (await firstUnitAt(db, county, 'natural_village')) ?? county;
  const village = natural.length === 15 ? natural.slice(0, 12) : county;
  const township = village.length === 12 ? village.slice(0, 9) : county;
  const places: Record<Role, string> = {
    county_admin: county,
    township_admin: township,
    village_secretary: village,
    instructor: village,
    group_leader: natural,
    member: helper?.memberVillage ?? natural,
    auditor: county,
  };
  const linked: Partial<Record<Role, number | null>> = {
    member: helper?.memberId ?? null,
    group_leader: (await leaderOfNaturalVillage(db, county, natural)) ?? null,
  };
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [role, orgCode] of Object.entries(places) as Array<[Role, string]>) {
    const username = `demo_${role}`;
    if ((await userIdByUsername(db, username)) !== undefined) continue;
    const id = await insertUser(db, { username, display_name: `演示·${role}`, password_hash: hash, is_demo: true });
    await insertGrant(db, {
      county_code: county,
      user_id: id,
      role,
      org_code: orgCode,
      member_id: linked[role] ?? null,
    });
  }
}
