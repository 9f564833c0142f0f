/** The API shape of a help record (list row and detail with edit history and photos). */
import type { Kysely } from 'kysely';
import { findRecord, type HelpRecordRow, photosOf, versionsOf } from '../../db/repositories/help-records.ts';
import { flagsOfRecord } from '../../db/repositories/record-flag-list.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { HELP_RECORD, type HelpRecordStatus } from '../../domain/help-records.ts';
import { flagReason } from '../../domain/record-trust/flag-reasons.ts';
import type { FlagKind } from '../../shared/labels/record-trust.ts';
import { evidenceOf } from '../record-trust/evidence.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** A record as lists and the detail show it. */
export function toView(row: HelpRecordRow) {
  return {
    id: Number(row.id),
    clientId: row.client_id,
    householdId: Number(row.household_id),
    headName: row.head_name,
    naturalVillageCode: row.natural_village_code,
    memberId: Number(row.member_id),
    memberName: row.member_name,
    pairingId: row.pairing_id === null ? null : Number(row.pairing_id),
    visitedOn: row.visited_on,
    measure: row.measure,
    needId: row.need_id === null ? null : Number(row.need_id),
    need: row.need ?? null,
    solvedNeed: row.solved_need,
    content: row.content,
    lat: row.lat,
    lng: row.lng,
    status: row.status as HelpRecordStatus,
    verifiedBy: row.verified_by,
    verifiedAt: iso(row.verified_at),
    verifyComment: row.verify_comment,
    version: row.version,
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    confirmation: row.confirmation,
    confirmedVia: row.confirmed_via,
  };
}

export type HelpRecordView = ReturnType<typeof toView>;

/** Record `id` with its versions and photos (404 when unknown). */
export async function loadDetail(db: Kysely<Database>, county: string, id: number) {
  const [row, versions, photos, flags] = await Promise.all([
    findRecord(db, county, id),
    versionsOf(db, county, id),
    photosOf(db, county, id),
    flagsOfRecord(db, county, id),
  ]);
  if (!row) throw AppError.notFound(HELP_RECORD);
  return {
    ...toView(row),
    versions: versions.map((v) => ({
      version: v.version,
      previous: (typeof v.previous === 'string' ? JSON.parse(v.previous) : v.previous) as Record<string, unknown>,
      editedBy: v.edited_by,
      editedAt: iso(v.edited_at) as string,
    })),
    photos: photos.map((p) => ({
      id: Number(p.id),
      mime: p.mime,
      bytes: p.bytes,
      width: p.width,
      height: p.height,
      thumbnailMime: p.thumbnail_mime,
      createdAt: iso(p.created_at) as string,
    })),
    flags: flags.map((f) => ({
      id: Number(f.id),
      kind: f.kind as FlagKind,
      status: f.status,
      reason: flagReason(f.kind as FlagKind, evidenceOf(f.evidence)),
      decisionReason: f.decision_reason,
    })),
  };
}

export type HelpRecordDetail = Awaited<ReturnType<typeof loadDetail>>;
