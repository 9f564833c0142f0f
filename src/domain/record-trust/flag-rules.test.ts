import { describe, expect, it } from 'vitest';
import { reusedPhotos } from './flag-reasons.ts';
import {
  backdated,
  distanceKm,
  duplicateTexts,
  farPositions,
  fastVerifier,
  findAnomalies,
  impossibleTravel,
  outsidePairing,
  type TrustRecord,
} from './flag-rules.ts';
import { TRUST_DEFAULTS } from './settings.ts';

const at = (iso: string) => Date.parse(iso);
let nextId = 1;
function rec(over: Partial<TrustRecord>): TrustRecord {
  return {
    id: nextId++,
    memberId: 1,
    householdId: 1,
    visitedOn: '2020-11-02',
    createdAt: at('2020-11-02T10:00:00+08:00'),
    content: `走访第${nextId}户`,
    lat: null,
    lng: null,
    villageLat: null,
    villageLng: null,
    pairingFrom: '2020-01-01',
    pairingTo: null,
    verifiedBy: null,
    verifiedAt: null,
    ...over,
  };
}

describe('back-dating', () => {
  it('flags a month of visits entered in one evening, not a week written up on Sunday', () => {
    const evening = Array.from({ length: 20 }, (_, i) =>
      rec({
        memberId: 7,
        visitedOn: `2020-10-${String(i + 1).padStart(2, '0')}`,
        createdAt: at('2020-11-20T20:00:00+08:00') + i * 90_000,
      }),
    );
    const sunday = Array.from({ length: 5 }, (_, i) =>
      rec({ memberId: 8, visitedOn: `2020-11-1${i}`, createdAt: at('2020-11-22T20:00:00+08:00') + i * 60_000 }),
    );
    const found = backdated([...evening, ...sunday], TRUST_DEFAULTS);
    expect(found.map((f) => f.recordId).sort()).toEqual(evening.map((r) => r.id).sort());
    expect(found[0]?.evidence).toMatchObject({ records: 20, visitsFrom: '2020-10-01', visitsTo: '2020-10-20' });
  });
});

describe('near-duplicate texts', () => {
  it('finds a copy with a changed word, not a different text', () => {
    const a = rec({ content: '帮助联系县城建筑工地务工岗位，讲解务工交通补贴政策，叮嘱注意安全' });
    const b = rec({ memberId: 2, content: '帮助联系县城建筑工地务工岗位，讲解务工交通补贴政策，叮嘱注意安全。' });
    const c = rec({ content: '协调村医上门随访，测量血压，核对家庭医生签约服务' });
    const found = duplicateTexts([a, b, c], TRUST_DEFAULTS);
    expect(found.map((f) => f.recordId).sort()).toEqual([a.id, b.id].sort());
    expect(found.find((f) => f.recordId === b.id)?.evidence).toMatchObject({ otherRecordId: a.id, sameMember: 0 });
  });
  it('ignores texts shorter than the minimum', () => {
    expect(duplicateTexts([rec({ content: '入户走访' }), rec({ content: '入户走访' })], TRUST_DEFAULTS)).toEqual([]);
  });
});

describe('positions', () => {
  it('measures great-circle distance', () => {
    expect(distanceKm(30, 117, 31, 117)).toBeCloseTo(111.2, 0);
  });
  it('flags a position 20 km from the village, not one 1 km away', () => {
    const far = rec({ lat: 30.2, lng: 117, villageLat: 30, villageLng: 117 });
    const near = rec({ lat: 30.009, lng: 117, villageLat: 30, villageLng: 117 });
    expect(farPositions([far, near], TRUST_DEFAULTS).map((f) => f.recordId)).toEqual([far.id]);
  });
  it('flags 50 km in 10 minutes as impossible travel, not in two hours', () => {
    const t = at('2020-11-02T09:00:00+08:00');
    const a = rec({ memberId: 3, lat: 30, lng: 117, createdAt: t });
    const b = rec({ memberId: 3, lat: 30.45, lng: 117, createdAt: t + 10 * 60_000 });
    const c = rec({ memberId: 3, lat: 30, lng: 117, createdAt: t + 130 * 60_000 });
    const found = impossibleTravel([a, b, c], TRUST_DEFAULTS);
    expect(found.map((f) => f.recordId)).toEqual([b.id]);
    expect(found[0]?.evidence).toMatchObject({ otherRecordId: a.id, km: 50, minutes: 10 });
  });
});

describe('pairing period and verifier speed', () => {
  it('flags visits before the pairing or after its end', () => {
    const before = rec({ visitedOn: '2019-12-30' });
    const after = rec({ visitedOn: '2020-08-01', pairingTo: '2020-07-31' });
    const inside = rec({ visitedOn: '2020-07-31', pairingTo: '2020-07-31' });
    expect(outsidePairing([before, after, inside]).map((f) => f.recordId)).toEqual([before.id, after.id]);
  });
  it('flags ten approvals in ten seconds, not ten in ten minutes', () => {
    const t = at('2020-11-02T10:00:00+08:00');
    const burst = Array.from({ length: 10 }, (_, i) => rec({ verifiedBy: 5, verifiedAt: t + i * 900 }));
    const calm = Array.from({ length: 10 }, (_, i) => rec({ verifiedBy: 6, verifiedAt: t + i * 60_000 }));
    expect(fastVerifier([...burst, ...calm], TRUST_DEFAULTS).map((f) => f.recordId)).toEqual(burst.map((r) => r.id));
  });
});

describe('photos and batches', () => {
  it('flags every record sharing a photo hash', () => {
    const h = 'a'.repeat(64);
    const found = reusedPhotos([
      { recordId: 1, photoId: 10, hash: h },
      { recordId: 2, photoId: 11, hash: h },
      { recordId: 3, photoId: 12, hash: 'b'.repeat(64) },
    ]);
    expect(found.map((f) => [f.recordId, f.evidence.otherRecordId])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });
  it('answers a batch only about its new records', () => {
    const old = rec({ memberId: 9, content: '帮助联系县城建筑工地务工岗位，讲解务工交通补贴政策' });
    const copy = rec({ memberId: 9, content: '帮助联系县城建筑工地务工岗位，讲解务工交通补贴政策' });
    const found = findAnomalies([old, copy], TRUST_DEFAULTS, new Set([copy.id]));
    expect(found.map((f) => [f.recordId, f.kind])).toEqual([[copy.id, 'duplicate_text']]);
  });
});
