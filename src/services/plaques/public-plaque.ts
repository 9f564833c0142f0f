/**
 * The public page of a plaque (anyone with its QR code): the plaque's content, how the pairing is going, and the
 * approved comments. An ended pairing answers with `ended: true` and nothing of the household or helper.
 */
import type { Kysely } from 'kysely';
import { approvedComments, approvedFigures } from '../../db/repositories/feedback.ts';
import { findPlaqueRows, type PlaqueRow } from '../../db/repositories/plaques.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { maskPiiInText } from '../../domain/pii-text.ts';
import { PAIRING } from './get-plaques.ts';
import { commitmentsByMember, plaqueContent, plaqueLabels } from './plaque-view.ts';

/** The pairing a plaque code names (404 when the code is unknown). */
export async function pairingByCode(db: Kysely<Database>, county: string, code: string): Promise<PlaqueRow> {
  const [row] = await findPlaqueRows(db, county, { code });
  if (!row) throw AppError.notFound(PAIRING);
  return row;
}

function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
}

/** What the public page shows for plaque `code` of `county`. */
export async function getPublicPlaque(db: Kysely<Database>, county: string, code: string, today = chinaDateOf()) {
  const row = await pairingByCode(db, county, code);
  if (row.ended_on !== null) return { ended: true, endedOn: row.ended_on, county, plaqueCode: row.plaque_code };
  const year = Number(today.slice(0, 4));
  const id = Number(row.id);
  const [labels, commitments, figures, comments] = await Promise.all([
    plaqueLabels(db),
    commitmentsByMember(db, county, [row], year),
    approvedFigures(db, county, [id]),
    approvedComments(db, county, id),
  ]);
  const content = plaqueContent(row, labels, commitments, year);
  const figure = figures[0];
  return {
    ended: false,
    endedOn: null,
    ...content,
    progress: {
      daysPaired: daysBetween(row.started_on, today),
      commitmentsFulfilled: content.commitments.filter((c) => c.fulfilled).length,
      commitmentsTotal: content.commitments.length,
      feedbackCount: figure ? Number(figure.count) : 0,
      feedbackAverage: figure ? Number(figure.average) : null,
    },
    comments: comments.map((c) => ({
      satisfaction: c.satisfaction,
      comment: maskPiiInText(c.comment),
      submittedOn: chinaDateOf(new Date(c.submitted_at)),
    })),
  };
}
