import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn, chinaDateOf } from '../src/domain/dates.ts';
import { makeResidentId } from '../src/domain/ids.ts';
import { importDivisions } from '../src/services/import-divisions.ts';
import { createTestApp, type TestApp } from './app.ts';

let t: TestApp;
const base = '/api/counties/340822/members';
const orgBase = '/api/counties/340822/org-units';

/** A valid member payload; override any field. */
function buildMember(overrides: Record<string, unknown> = {}) {
  return {
    name: '张三',
    idNumber: '340822198003090133',
    phone: '13812340001',
    ethnicity: 'han',
    education: 'senior',
    joinDate: '2005-07-01',
    membership: 'formal',
    branchName: '试点村党支部',
    naturalVillageCode: '340822100201001',
    expertise: ['planting', 'breeding'],
    willingness: ['industry'],
    capacity: 2,
    ...overrides,
  };
}

async function post(payload: unknown, url = base) {
  return t.inject({ method: 'POST', url, payload: payload as object });
}

async function names(query: string): Promise<string[]> {
  const res = await t.inject({ url: `${base}?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((m: { name: string }) => m.name);
}

async function total(): Promise<number> {
  return (await t.inject({ url: `${base}?status=all` })).json().total;
}

const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  const units = [
    { code: '340822100201', parentCode: '340822100', name: '试点村' },
    { code: '340822100201001', parentCode: '340822100201', name: '张家湾' },
    { code: '340822100201002', parentCode: '340822100201', name: '李家畈' },
    { code: '340822101201', parentCode: '340822101', name: '石牌村' },
    { code: '340822101201001', parentCode: '340822101201', name: '王家庄' },
  ];
  for (const unit of units) expect((await post(unit, orgBase)).statusCode).toBe(201);
  const members = {
    zhang: buildMember(),
    li: buildMember({
      name: '李四',
      idNumber: '340822750615012', // old 15-digit number → 340822197506150121
      phone: '13912340002',
      joinDate: '2024-07-01',
      membership: 'probationary',
      naturalVillageCode: '340822100201002',
      expertise: ['medical'],
      willingness: ['health'],
      capacity: 1,
      isMigrant: true,
    }),
    wang: buildMember({
      name: '王五',
      idNumber: makeResidentId('340822', '1990-01-20', 31),
      phone: null,
      joinDate: '2015-06-30',
      naturalVillageCode: '340822101201001',
      expertise: ['ecommerce', 'planting'],
      willingness: ['employment', 'industry'],
      capacity: 0,
    }),
    hong: buildMember({
      name: '张小红',
      idNumber: makeResidentId('340822', '1968-11-02', 22),
      status: 'transferred_out',
      expertise: [],
      willingness: ['care'],
      capacity: 1,
    }),
  };
  for (const [key, payload] of Object.entries(members)) {
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  }
});
afterAll(async () => t?.close());

describe('member cards', () => {
  it('creates a card and reads it back with masked identifiers, derived facts and place names', async () => {
    const res = await t.inject({ url: `${base}/${ids.zhang}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '张三',
      idNumber: '340822********0133',
      phone: '138****0001',
      sex: 'M',
      birthDate: '1980-03-09',
      age: ageOn('1980-03-09', chinaDateOf()),
      joinDate: '2005-07-01',
      naturalVillageName: '张家湾',
      villageCode: '340822100201',
      villageName: '试点村',
      townshipName: '高河镇',
      expertise: ['planting', 'breeding'],
      capacity: 2,
      isMigrant: false,
      health: 'healthy',
      status: 'active',
    });
  });

  it('upgrades an old 15-digit ID number and derives sex and birth date from it', async () => {
    const card = (await t.inject({ url: `${base}/${ids.li}` })).json();
    expect(card).toMatchObject({
      idNumber: '340822********0121',
      sex: 'F',
      birthDate: '1975-06-15',
      phone: '139****0002',
    });
  });

  it('answers 404 for an unknown id and for another county’s member', async () => {
    await importDivisions(t.database.db, '340825');
    const admin825 = await t.signIn('county_admin', '340825');
    const post825 = (payload: unknown, url: string) => admin825({ method: 'POST', url, payload: payload as object });
    const other = await post825(
      { code: '340825100201', parentCode: '340825100', name: '外县村' },
      '/api/counties/340825/org-units',
    );
    expect(other.statusCode).toBe(201);
    await post825(
      { code: '340825100201001', parentCode: '340825100201', name: '外县组' },
      '/api/counties/340825/org-units',
    );
    const foreign = await post825(
      buildMember({ idNumber: makeResidentId('340825', '1970-01-01', 11), naturalVillageCode: '340825100201001' }),
      '/api/counties/340825/members',
    );
    expect(foreign.statusCode, foreign.body).toBe(201);
    expect((await t.inject({ url: `${base}/${foreign.json().id}` })).statusCode).toBe(404);
    const patch = await t.inject({
      method: 'PATCH',
      url: `${base}/${foreign.json().id}`,
      payload: { capacity: 0 },
    });
    expect(patch.statusCode).toBe(404);
    expect((await t.inject({ url: `${base}/999999` })).statusCode).toBe(404);
  });
});

describe('member list', () => {
  it('lists active members by name with village names, masked', async () => {
    const body = (await t.inject({ url: base })).json();
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(body.items.map((m: { name: string }) => m.name)).toEqual(['张三', '李四', '王五']);
    expect(body.items[2]).toMatchObject({
      naturalVillageName: '王家庄',
      villageName: '石牌村',
      phone: null,
      idNumber: '340822********0313',
    });
  });

  it('filters by place, expertise, willingness, migrant, capacity, membership and status', async () => {
    expect(await names('within=340822100')).toEqual(['张三', '李四']);
    expect(await names('within=340822100201001')).toEqual(['张三']);
    expect(await names('within=340822101')).toEqual(['王五']);
    expect(await names('expertise=planting')).toEqual(['张三', '王五']);
    expect(await names('expertise=law')).toEqual([]);
    expect(await names('willingness=industry')).toEqual(['张三', '王五']);
    expect(await names('migrant=true')).toEqual(['李四']);
    expect(await names('migrant=false')).toEqual(['张三', '王五']);
    expect(await names('capacity=0')).toEqual(['王五']);
    expect(await names('membership=probationary')).toEqual(['李四']);
    expect(await names('status=transferred_out')).toEqual(['张小红']);
    expect(await names('status=all&within=340822100201001')).toEqual(['张三', '张小红']);
  });

  it('searches by name part, ID number (also 15-digit) and phone prefix', async () => {
    expect(await names('q=李')).toEqual(['李四']);
    expect(await names('q=张&status=all')).toEqual(['张三', '张小红']);
    expect(await names('q=340822198003090133')).toEqual(['张三']);
    expect(await names('q=340822750615012')).toEqual(['李四']);
    expect(await names('q=139123')).toEqual(['李四']);
    expect(await names('q=1381234')).toEqual(['张三']);
    expect(await names('q=50%25')).toEqual([]);
  });

  it('sorts and pages', async () => {
    expect(await names('sort=-birthDate')).toEqual(['王五', '张三', '李四']);
    expect(await names('sort=capacity')).toEqual(['王五', '李四', '张三']);
    const page = (await t.inject({ url: `${base}?sort=joinDate&pageSize=2&page=2` })).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((m: { joinDate: string }) => m.joinDate)).toEqual(['2024-07-01']);
    expect((await t.inject({ url: `${base}?pageSize=101` })).statusCode).toBe(400);
    expect((await t.inject({ url: `${base}?sort=idNumber` })).statusCode).toBe(400);
  });
});

type Detail = { path: string; code: string; message: string };
const details = (res: { json(): { details: Detail[] } }) =>
  res
    .json()
    .details.map((d) => `${d.path}:${d.code}`)
    .sort();

describe('refused cards', () => {
  it('lists every schema problem at once (400) and writes nothing', async () => {
    const before = await total();
    const res = await post({
      name: '',
      idNumber: 'abc',
      joinDate: '2020-13-01',
      membership: 'member',
      capacity: 3,
      phone: '12345',
      expertise: 'planting',
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(details(res)).toEqual([
      ':additionalProperties',
      'branchName:required',
      'capacity:maximum',
      'education:required',
      'ethnicity:required',
      'expertise:type',
      'idNumber:pattern',
      'joinDate:format',
      'membership:enum',
      'name:minLength',
      'naturalVillageCode:required',
      'phone:pattern',
    ]);
    expect(res.json().details.find((d: Detail) => d.path === 'membership').message).toBe(
      '应为以下之一：formal、probationary',
    );
    expect(await total()).toBe(before);
  });

  it('refuses a wrong check digit with the field path idNumber (422)', async () => {
    const res = await post(buildMember({ idNumber: '340822198003090134' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('rule_violation');
    expect(res.json().details).toEqual([
      { path: 'idNumber', code: 'id_check_digit', message: expect.stringContaining('校验码') },
    ]);
  });

  it('reports every broken rule together (422) and writes nothing', async () => {
    const before = await total();
    const res = await post(
      buildMember({
        idNumber: makeResidentId('340822', '2000-05-05', 21), // odd sequence: a man
        sex: 'F',
        joinDate: '2010-01-01',
        naturalVillageCode: '340822100201000',
        name: '   ',
        ethnicity: 'martian',
        expertise: ['planting', 'planting', 'flying'],
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(details(res)).toEqual([
      'ethnicity:unknown_code',
      'expertise.1:duplicate_code',
      'expertise.2:unknown_code',
      'joinDate:join_under_18',
      'name:blank',
      'naturalVillageCode:natural_village_missing',
      'sex:sex_mismatch',
    ]);
    const under18 = res.json().details.find((d: Detail) => d.path === 'joinDate');
    expect(under18.message).toBe(
      '入党时应年满 18 周岁：按身份证号，出生于 2000-05-05，入党日期 2010-01-01 时只有 9 岁',
    );
    expect(await total()).toBe(before);
  });

  it('refuses an unknown expertise code, a future join date and a natural village the county lacks', async () => {
    const res = await t.inject({
      method: 'POST',
      url: base,
      headers: { 'accept-language': 'en' },
      payload: buildMember({
        idNumber: makeResidentId('340822', '1985-02-03', 41),
        joinDate: '2999-01-01',
        naturalVillageCode: '340822100201999',
        expertise: ['astrology'],
      }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([
      { path: 'joinDate', code: 'join_date_future', message: 'The join date cannot be in the future' },
      {
        path: 'naturalVillageCode',
        code: 'natural_village_missing',
        message: expect.stringContaining('340822100201999'),
      },
      { path: 'expertise.0', code: 'unknown_code', message: '"astrology" is not a valid expertise code' },
    ]);
    // A village's 12-digit code is not even the shape of a natural village code.
    const village = await post(
      buildMember({ idNumber: makeResidentId('340822', '1985-02-03', 41), naturalVillageCode: '340822100201' }),
    );
    expect(details(village)).toEqual(['naturalVillageCode:pattern']);
  });

  it('answers 409 for an ID number already registered in the county, whatever its form', async () => {
    const dup = await post(buildMember({ name: '张三丰' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toBe('该身份证号的党员已在本县登记');
    const old = await post(buildMember({ name: '李四', idNumber: '340822 750615 012' }));
    expect(old.statusCode).toBe(409);
  });
});

describe('member updates', () => {
  it('persists changed fields and stamps updatedAt', async () => {
    const before = (await t.inject({ url: `${base}/${ids.wang}` })).json();
    const res = await t.inject({
      method: 'PATCH',
      url: `${base}/${ids.wang}`,
      payload: { phone: '0556-5123456', capacity: 2, expertise: ['ecommerce'], post: ' 党小组长 ', isMigrant: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await t.inject({ url: `${base}/${ids.wang}` })).json();
    expect(after).toMatchObject({
      phone: '055****3456',
      capacity: 2,
      expertise: ['ecommerce'],
      post: '党小组长',
      isMigrant: true,
    });
    expect(after.name).toBe('王五');
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(await names('migrant=true')).toEqual(['李四', '王五']);
  });

  it('re-derives birth date and sex from a new ID number and checks it against the stored join date', async () => {
    const url = `${base}/${ids.wang}`;
    const ok = await t.inject({
      method: 'PATCH',
      url,
      payload: { idNumber: makeResidentId('340822', '1991-02-14', 42) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ birthDate: '1991-02-14', sex: 'F', joinDate: '2015-06-30' });
    const young = await t.inject({
      method: 'PATCH',
      url,
      payload: { idNumber: makeResidentId('340822', '2000-01-01', 42) },
    });
    expect(young.statusCode).toBe(422);
    expect(details(young)).toEqual(['joinDate:join_under_18']);
    const early = await t.inject({ method: 'PATCH', url, payload: { joinDate: '2008-01-01' } });
    expect(details(early)).toEqual(['joinDate:join_under_18']);
    expect((await t.inject({ url })).json()).toMatchObject({ birthDate: '1991-02-14', joinDate: '2015-06-30' });
  });

  it('refuses an empty patch, unknown codes and a duplicate ID number', async () => {
    const url = `${base}/${ids.wang}`;
    expect((await t.inject({ method: 'PATCH', url, payload: {} })).statusCode).toBe(400);
    const code = await t.inject({ method: 'PATCH', url, payload: { willingness: ['industry', 'nope'] } });
    expect(details(code)).toEqual(['willingness.1:unknown_code']);
    const dup = await t.inject({ method: 'PATCH', url, payload: { idNumber: '340822198003090133' } });
    expect(dup.statusCode).toBe(409);
    expect((await t.inject({ url })).json().willingness).toEqual(['employment', 'industry']);
  });
});
