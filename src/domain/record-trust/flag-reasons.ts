/** Reused photos, and the sentence that says why a flag was raised (from its kind and evidence). */

import type { FlagKind } from '../../shared/labels/record-trust.ts';
import type { Localized } from '../../shared/lang.ts';
import type { Finding } from './flag-rules.ts';

/** What the photo rule reads of one photo. */
export interface PhotoPrint {
  recordId: number;
  photoId: number;
  hash: string;
}

/**
 * The same photo on two records (照片重复): every record holding a photo whose bytes another record's photo has,
 * with the first such other record. (Byte-identical: the phone sends JPEG, and no JPEG decoder ships with the
 * server, so a re-encoded or cropped copy is not recognised — see docs/areas/record-trust.md.)
 */
export function reusedPhotos(photos: readonly PhotoPrint[]): Finding[] {
  const byHash = new Map<string, PhotoPrint[]>();
  for (const p of photos) {
    const list = byHash.get(p.hash);
    if (list) list.push(p);
    else byHash.set(p.hash, [p]);
  }
  const out = new Map<number, Finding>();
  for (const list of byHash.values()) {
    const records = new Set(list.map((p) => p.recordId));
    if (records.size < 2) continue;
    for (const p of list) {
      const other = list.find((q) => q.recordId !== p.recordId) as PhotoPrint;
      if (!out.has(p.recordId)) {
        out.set(p.recordId, {
          recordId: p.recordId,
          kind: 'reused_photo',
          evidence: { photoId: p.photoId, otherRecordId: other.recordId, records: records.size },
        });
      }
    }
  }
  return [...out.values()];
}

type Evidence = Record<string, string | number>;

const REASONS: Record<FlagKind, (e: Evidence) => Localized> = {
  backdated: (e) => ({
    zh: `同一次录入 ${e.records} 条补录纪实（走访日 ${e.visitsFrom} 至 ${e.visitsTo}）`,
    en: `${e.records} back-dated records entered in one sitting (visits ${e.visitsFrom} to ${e.visitsTo})`,
  }),
  duplicate_text: (e) => ({
    zh: `内容与纪实 #${e.otherRecordId} 相似度 ${e.similarity}`,
    en: `Text ${e.similarity} similar to record #${e.otherRecordId}`,
  }),
  reused_photo: (e) => ({
    zh: `照片与纪实 #${e.otherRecordId} 相同`,
    en: `Same photo as record #${e.otherRecordId}`,
  }),
  far_gps: (e) => ({ zh: `定位距自然村 ${e.km} 公里`, en: `Position ${e.km} km from the natural village` }),
  impossible_travel: (e) => ({
    zh: `与纪实 #${e.otherRecordId} 相距 ${e.km} 公里，仅隔 ${e.minutes} 分钟`,
    en: `${e.km} km from record #${e.otherRecordId} within ${e.minutes} minutes`,
  }),
  outside_pairing: (e) => ({
    zh: `走访日 ${e.visitedOn} 不在结对期（${e.pairingFrom} 起${e.pairingTo ? `，${e.pairingTo} 止` : ''}）内`,
    en: `Visit on ${e.visitedOn} outside the pairing (from ${e.pairingFrom}${e.pairingTo ? ` to ${e.pairingTo}` : ''})`,
  }),
  fast_verifier: (e) => ({
    zh: `核实人 ${e.seconds} 秒内核实 ${e.records} 条`,
    en: `The verifier approved ${e.records} records within ${e.seconds} seconds`,
  }),
  disputed: (e) => ({ zh: `农户异议：${e.comment ?? ''}`, en: `The household disputes it: ${e.comment ?? ''}` }),
};

/** Why a flag of `kind` was raised, from its evidence. */
export function flagReason(kind: FlagKind, evidence: Evidence): Localized {
  return REASONS[kind](evidence);
}
