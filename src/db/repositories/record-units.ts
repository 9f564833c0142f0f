/**
 * Where a record lives: the org unit the access rules check for a route that names one record. Every kind is
 * one row of a table — the record's table and either the column holding its unit, or the column pointing to the
 * record it belongs to (a pairing lives where its household lives) — so a new area adds one row, not a query.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** The kinds of record a route can name in its scope rule (`{ record: kind, param }`). */
export type RecordKind = keyof typeof PLACES;

/** A record's place: its own unit column, or the column linking it to its owner of another kind. */
type Place = {
  [T in keyof Database]:
    | { table: T; unit: keyof Database[T] & string }
    | { table: T; via: keyof Database[T] & string; owner: string };
}[keyof Database];

const PLACES = {
  household: { table: 'household', unit: 'natural_village_code' },
  member: { table: 'party_member', unit: 'natural_village_code' },
  grid: { table: 'grid', unit: 'village_code' },
  grid_plan: { table: 'grid_plan', unit: 'scope_code' },
  problem: { table: 'problem', unit: 'natural_village_code' },
  party_group: { table: 'party_group', via: 'grid_id', owner: 'grid' },
  // An activity lives in its group's village; its own routes take `within` instead (a group leader's grant covers a
  // natural village: services/party-activities/activity-access.ts), this serves routes for village-level callers.
  activity: { table: 'party_activity', via: 'group_id', owner: 'party_group' },
  pairing: { table: 'pairing', via: 'household_id', owner: 'household' },
  exit: { table: 'household_exit', via: 'household_id', owner: 'household' },
  help_record: { table: 'assistance_record', via: 'household_id', owner: 'household' },
  monitoring_case: { table: 'monitoring_case', via: 'household_id', owner: 'household' },
  commitment: { table: 'commitment', via: 'member_id', owner: 'member' },
  feedback: { table: 'public_feedback', via: 'pairing_id', owner: 'pairing' },
  record_flag: { table: 'record_flag', via: 'record_id', owner: 'help_record' },
} as const satisfies Record<string, Place>;

// An owner must itself be a kind: checked here, since the table above cannot name its own keys.
PLACES satisfies Record<string, { owner: RecordKind } | { unit: string }>;

/** The tables from the record to the one holding the unit, each joined to the previous on (county, id). */
function chain(kind: RecordKind): { tables: string[]; links: string[]; unit: string } {
  const place: Place = PLACES[kind];
  if ('unit' in place) return { tables: [place.table], links: [], unit: place.unit };
  const rest = chain(place.owner as RecordKind);
  return { tables: [place.table, ...rest.tables], links: [place.via, ...rest.links], unit: rest.unit };
}

/**
 * The org unit of record `id` of `kind` in `county` (a grid's or group's village, a plan's scope, a household's
 * natural village for what belongs to it), or null when no such record is in the county.
 */
export async function findRecordUnit(
  db: Kysely<Database>,
  kind: RecordKind,
  county: string,
  id: number,
): Promise<string | null> {
  const { tables, links, unit } = chain(kind);
  const joins = links.map(
    (link, i) =>
      sql`join ${sql.table(tables[i + 1]!)} as ${sql.id(`r${i + 1}`)}
        on ${sql.ref(`r${i + 1}.county_code`)} = ${sql.ref(`r${i}.county_code`)}
       and ${sql.ref(`r${i + 1}.id`)} = ${sql.ref(`r${i}.${link}`)}`,
  );
  const { rows } = await sql<{ unit: string }>`
    select ${sql.ref(`r${links.length}.${unit}`)} as unit
      from ${sql.table(tables[0]!)} as r0 ${sql.join(joins, sql` `)}
     where r0.county_code = ${county} and r0.id = ${id}`.execute(db);
  return rows[0]?.unit ?? null;
}
