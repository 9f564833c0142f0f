/**
 * Vetoes (一票否决) as the rating reads them: the codes' data (labels/assessment.ts) turned into domain vetoes,
 * the automatic ones from the evidence (a commitment of the year evaluated poor) and the approved recorded ones.
 */
import type { Kysely } from 'kysely';
import { approvedVetoes, poorCommitments } from '../../db/repositories/stars.ts';
import type { Database } from '../../db/schema.ts';
import type { Stars, Veto } from '../../domain/party-life/stars.ts';
import { VETO_CODES, type VetoCode } from '../../shared/labels/assessment.ts';

export function vetoOf(code: VetoCode): Veto {
  const data = VETO_CODES[code];
  return { code, maxStars: data.maxStars as Stars, reason: { zh: data.zh, en: data.en } };
}

/** Every veto of the county's members for `year`, by member (or of one member). */
export async function vetoesOfYear(
  db: Kysely<Database>,
  county: string,
  year: number,
  memberId?: number,
): Promise<Map<number, Veto[]>> {
  const byMember = new Map<number, Veto[]>();
  const add = (member: number, veto: Veto) => byMember.set(member, [...(byMember.get(member) ?? []), veto]);
  for (const row of await poorCommitments(db, county, year)) {
    if (memberId === undefined || Number(row.member_id) === memberId)
      add(Number(row.member_id), vetoOf('commitment_poor'));
  }
  for (const row of await approvedVetoes(db, county, year, memberId)) add(Number(row.member_id), vetoOf(row.code));
  return byMember;
}
