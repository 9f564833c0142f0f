/**
 * Party groups over the API: list and filters, the group page, leader suggestions, assigning a leader,
 * instructors with history, the activity centre, and 404 across counties. Grids and grid members are inserted
 * directly (the partition plan is another use case).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffDemoGroups } from '../src/demo/groups.ts';
import { ageOn, chinaDateOf } from '../src/domain/dates.ts';
import { makeResidentId } from '../src/domain/ids.ts';
import { importDivisions } from '../src/services/import-divisions.ts';
import { createTestApp, type Inject, type TestApp } from './app.ts';

const COUNTY = '340822';
const BASE = `/api/counties/${COUNTY}/party-groups`;
let t: TestApp;
let app: FastifyInstance;

type Json = Record<string, unknown>;

/** Each county's admin (a grant covers one county). */
const admins: Record<string, Inject> = {};

async function inject(method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json, lang = 'zh') {
  const county = /\/counties\/([0-9]{6})\//.exec(url)?.[1] ?? COUNTY;
  const as = admins[county] ?? ((options) => app.inject(options));
  return as({ method, url, ...(payload ? { payload } : {}), headers: { 'accept-language': lang } });
}

/** A member card posted through the members API; returns its id. */
async function member(county: string, seq: number, overrides: Json): Promise<number> {
  const res = await inject('POST', `/api/counties/${county}/members`, {
    name: `党员${seq}`,
    idNumber: makeResidentId(county, '1975-03-01', seq * 2 + 1),
    phone: `1381234${String(seq).padStart(4, '0')}`,
    ethnicity: 'han',
    education: 'senior',
    joinDate: '2008-07-01',
    membership: 'formal',
    branchName: '试点村党支部',
    naturalVillageCode: '340822100201001',
    capacity: 1,
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`member ${seq}: ${res.body}`);
  return res.json().id;
}

async function places(county: string, units: { code: string; parentCode: string; name: string }[]) {
  for (const payload of units) {
    const res = await inject('POST', `/api/counties/${county}/org-units`, payload);
    if (res.statusCode !== 201) throw new Error(`place ${payload.code}: ${res.body}`);
  }
}

/** A grid of whole natural villages with its group and current members; returns the group id. */
async function grid(county: string, village: string, name: string, naturals: string[], members: number[]) {
  const db = t.database.db;
  const { id: gridId } = await db
    .insertInto('grid')
    .values({ county_code: county, village_code: village, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const code of naturals) {
    await db
      .insertInto('grid_natural_village')
      .values({ county_code: county, grid_id: gridId, village_code: village, natural_village_code: code })
      .execute();
  }
  for (const memberId of members) {
    await db.insertInto('grid_member').values({ county_code: county, grid_id: gridId, member_id: memberId }).execute();
  }
  const { id } = await db
    .insertInto('party_group')
    .values({ county_code: county, grid_id: gridId, name: `${name}党小组` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

const m: Record<string, number> = {};
const g: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  await importDivisions(t.database.db, '340825');
  admins[COUNTY] = t.inject;
  admins['340825'] = await t.signIn('county_admin', '340825');
  await places(COUNTY, [
    { code: '340822100201', parentCode: '340822100', name: '试点村' },
    { code: '340822100201001', parentCode: '340822100201', name: '张家湾' },
    { code: '340822100201002', parentCode: '340822100201', name: '李家冲' },
    { code: '340822100201003', parentCode: '340822100201', name: '下屋组' },
    { code: '340822101201', parentCode: '340822101', name: '石牌村' },
    { code: '340822101201001', parentCode: '340822101201', name: '王家畈' },
  ]);
  await places('340825', [
    { code: '340825100201', parentCode: '340825100', name: '外县村' },
    { code: '340825100201001', parentCode: '340825100201', name: '外县组' },
  ]);
  m.secretary = await member(COUNTY, 1, {
    name: '张书记',
    post: '村党支部书记',
    joinDate: '2005-07-01',
    expertise: ['policy', 'planting'],
    capacity: 2,
  });
  m.probationary = await member(COUNTY, 2, {
    name: '李预备',
    membership: 'probationary',
    isMigrant: true,
    joinDate: '2024-07-01',
    naturalVillageCode: '340822100201002',
  });
  m.plain = await member(COUNTY, 3, { name: '赵普通', joinDate: '2015-06-30' });
  m.ill = await member(COUNTY, 4, { name: '孙大病', health: 'serious', joinDate: '1998-07-01' });
  m.other = await member(COUNTY, 5, { name: '钱邻组', naturalVillageCode: '340822100201003' });
  m.shipai = await member(COUNTY, 6, { name: '王石牌', naturalVillageCode: '340822101201001' });
  m.foreign = await member('340825', 7, { name: '外县党员', naturalVillageCode: '340825100201001' });
  g.a = await grid(
    COUNTY,
    '340822100201',
    '张家湾网格',
    ['340822100201001', '340822100201002'],
    [m.secretary, m.probationary, m.plain, m.ill],
  );
  g.b = await grid(COUNTY, '340822100201', '下屋网格', ['340822100201003'], [m.other]);
  g.c = await grid(COUNTY, '340822101201', '王家畈网格', ['340822101201001'], [m.shipai]);
  g.foreign = await grid('340825', '340825100201', '外县网格', ['340825100201001'], [m.foreign]);
});
afterAll(async () => t?.close());

async function names(query: string): Promise<string[]> {
  const res = await inject('GET', `${BASE}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((x: { name: string }) => x.name);
}

describe('party group list', () => {
  it('lists the current groups of the county with places and member counts', async () => {
    const body = (await inject('GET', BASE)).json();
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    const a = body.items.find((x: { id: number }) => x.id === g.a);
    expect(a).toMatchObject({
      name: '张家湾网格党小组',
      gridName: '张家湾网格',
      villageCode: '340822100201',
      villageName: '试点村',
      townshipCode: '340822100',
      townshipName: '高河镇',
      members: 4,
      leader: null,
      townshipInstructor: null,
      villageInstructor: null,
      hasActivityCentre: false,
    });
  });

  it('filters by scope, name and gaps, sorts and pages', async () => {
    expect(await names('within=340822101')).toEqual(['王家畈网格党小组']);
    expect(await names('within=340822100201')).toEqual(['下屋网格党小组', '张家湾网格党小组']);
    expect(await names('within=340822100201002')).toEqual(['张家湾网格党小组']);
    expect(await names('q=王家')).toEqual(['王家畈网格党小组']);
    expect(await names('q=50%25')).toEqual([]);
    expect(await names('sort=-members&pageSize=1')).toEqual(['张家湾网格党小组']);
    const page2 = (await inject('GET', `${BASE}?sort=villageCode&pageSize=2&page=2`)).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((x: { name: string }) => x.name)).toEqual(['王家畈网格党小组']);
  });

  it('documents every route in the OpenAPI document', async () => {
    const paths = Object.keys((await inject('GET', '/openapi.json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/counties/{county}/party-groups/',
        '/api/counties/{county}/party-groups/{id}',
        '/api/counties/{county}/party-groups/{id}/leader-suggestions',
        '/api/counties/{county}/party-groups/{id}/leader',
        '/api/counties/{county}/party-groups/{id}/instructors/{level}',
        '/api/counties/{county}/party-groups/{id}/activity-centre',
      ]),
    );
  });

  it('refuses unknown query fields', async () => {
    expect((await inject('GET', `${BASE}?colour=red`)).statusCode).toBe(400);
  });
});

describe('a party group', () => {
  it('reads the grid, natural villages and members with masked phones', async () => {
    const res = await inject('GET', `${BASE}/${g.a}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: g.a,
      gridName: '张家湾网格',
      villageName: '试点村',
      naturalVillages: [
        { code: '340822100201001', name: '张家湾' },
        { code: '340822100201002', name: '李家冲' },
      ],
      leader: null,
      instructors: { township: null, village: null },
      instructorHistory: [],
      activityCentre: { address: '', lat: null, lng: null, notes: '' },
      history: [],
      retiredAt: null,
    });
    expect(body.members).toHaveLength(4);
    const secretary = body.members.find((x: { id: number }) => x.id === m.secretary);
    expect(secretary).toMatchObject({
      name: '张书记',
      phone: '138****0001',
      post: '村党支部书记',
      capacity: 2,
      naturalVillageName: '张家湾',
      isLeader: false,
      age: ageOn('1975-03-01', chinaDateOf()),
    });
  });

  it('answers 404 for an unknown id and for another county’s group, on reads and writes', async () => {
    expect((await inject('GET', `${BASE}/999999`)).statusCode).toBe(404);
    expect((await inject('GET', `${BASE}/${g.foreign}`)).statusCode).toBe(404);
    expect((await inject('GET', `${BASE}/${g.foreign}/leader-suggestions`)).statusCode).toBe(404);
    expect((await inject('PUT', `${BASE}/${g.foreign}/leader`, { memberId: m.foreign })).statusCode).toBe(404);
    const centre = await inject('PUT', `${BASE}/${g.foreign}/activity-centre`, { address: '外县 1 号' });
    expect(centre.statusCode).toBe(404);
    expect((await inject('GET', `/api/counties/340825/party-groups/${g.foreign}`)).statusCode).toBe(200);
  });
});

describe('leader', () => {
  it('suggests eligible members best first with reasons, and says why others cannot lead', async () => {
    const res = await inject('GET', `${BASE}/${g.a}/leader-suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const years = ageOn('2005-07-01', chinaDateOf());
    expect(body.candidates.map((c: { memberId: number; rank: number }) => [c.rank, c.memberId])).toEqual([
      [1, m.secretary],
      [2, m.plain],
    ]);
    expect(body.candidates[0].reasons.slice(0, 3)).toEqual([
      { zh: `正式党员，党龄 ${years} 年`, en: `formal member, ${years} years in the Party` },
      { zh: '村干部（村党支部书记）', en: 'village cadre (村党支部书记)' },
      { zh: '特长：政策宣讲、种植技术', en: 'expertise: Policy outreach, Crop growing' },
    ]);
    expect(body.candidates[0].score).toBeGreaterThan(body.candidates[1].score);
    expect(body.ineligible).toEqual([
      {
        memberId: m.probationary,
        name: '李预备',
        reasons: [
          { zh: '预备党员，尚未转正', en: 'probationary member, not yet formal' },
          { zh: '流动党员，常年在外', en: 'migrant member, lives away from home' },
        ],
      },
      {
        memberId: m.ill,
        name: '孙大病',
        reasons: [{ zh: '患有大病，难以承担组长工作', en: "has a serious illness, cannot take on the leader's work" }],
      },
    ]);
  });

  it('refuses a member of another grid and an ineligible member with a clear message', async () => {
    const outsider = await inject('PUT', `${BASE}/${g.a}/leader`, { memberId: m.other }, 'en');
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().details[0]).toMatchObject({ path: 'memberId', code: 'not_in_grid' });
    expect(outsider.json().details[0].message).toContain('not a current member of grid "张家湾网格"');
    const ill = await inject('PUT', `${BASE}/${g.a}/leader`, { memberId: m.ill });
    expect(ill.statusCode).toBe(422);
    expect(ill.json().details[0]).toMatchObject({
      code: 'not_eligible',
      message: '孙大病不能担任党小组长：患有大病，难以承担组长工作',
    });
    expect((await inject('PUT', `${BASE}/${g.a}/leader`, { memberId: m.foreign })).statusCode).toBe(422);
    const early = await inject('PUT', `${BASE}/${g.a}/leader`, { memberId: m.secretary, since: '2000-01-01' });
    expect(early.json().details[0]).toMatchObject({ path: 'since', code: 'before_joining' });
    expect((await inject('GET', `${BASE}/${g.a}`)).json().leader).toBeNull();
  });

  it('assigns an eligible member of the grid, records the event, and shows the leader in the list', async () => {
    const res = await inject('PUT', `${BASE}/${g.a}/leader`, { memberId: m.secretary, since: '2020-01-15' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.leader).toEqual({ memberId: m.secretary, name: '张书记', since: '2020-01-15' });
    expect(body.members.find((x: { id: number }) => x.id === m.secretary).isLeader).toBe(true);
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({
      kind: 'leader_assigned',
      detail: { groupId: g.a, memberId: m.secretary, name: '张书记', since: '2020-01-15', previousMemberId: null },
    });
    expect(await names('withoutLeader=true')).toEqual(['下屋网格党小组', '王家畈网格党小组']);
    expect(await names('withoutLeader=false')).toEqual(['张家湾网格党小组']);
    const again = await inject('PUT', `${BASE}/${g.a}/leader`, { memberId: m.secretary });
    expect(again.json().history).toHaveLength(1); // same leader again: nothing changes
  });
});

describe('instructors', () => {
  const url = () => `${BASE}/${g.a}/instructors`;

  it('sets a township instructor, then replaces them keeping the history', async () => {
    const first = await inject('PUT', `${url()}/township`, {
      name: '周包村',
      post: '乡镇包村干部',
      phone: '13955550001',
      startedOn: '2019-03-01',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().instructors.township).toMatchObject({
      level: 'township',
      name: '周包村',
      post: '乡镇包村干部',
      phone: '139****0001',
      memberId: null,
      startedOn: '2019-03-01',
      endedOn: null,
    });
    const second = await inject('PUT', `${url()}/township`, {
      name: '吴新任',
      post: '乡镇包村干部',
      startedOn: '2020-06-01',
    });
    expect(second.statusCode, second.body).toBe(200);
    const body = second.json();
    expect(body.instructors.township).toMatchObject({ name: '吴新任', phone: null, endedOn: null });
    expect(body.instructorHistory.map((i: Json) => [i.name, i.startedOn, i.endedOn])).toEqual([
      ['吴新任', '2020-06-01', null],
      ['周包村', '2019-03-01', '2020-06-01'],
    ]);
    expect(body.history.filter((e: Json) => e.kind === 'instructor_assigned')).toHaveLength(2);
    expect(JSON.stringify(body.history)).not.toContain('13955550001');
    const early = await inject('PUT', `${url()}/township`, {
      name: '郑过早',
      post: '乡镇干部',
      startedOn: '2020-01-01',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().details[0]).toMatchObject({ path: 'startedOn', code: 'before_current' });
  });

  it('takes a village instructor who is a member of the same village, and refuses one from another village', async () => {
    expect(await names('withoutInstructors=true')).toContain('张家湾网格党小组');
    const ok = await inject('PUT', `${url()}/village`, { name: '赵普通', post: '村党支部委员', memberId: m.plain });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().instructors.village).toMatchObject({ name: '赵普通', memberId: m.plain });
    expect(await names('withoutInstructors=true')).toEqual(['下屋网格党小组', '王家畈网格党小组']);
    expect(await names('withoutInstructors=false')).toEqual(['张家湾网格党小组']);
    const list = (await inject('GET', `${BASE}?withoutInstructors=false`)).json().items[0];
    expect(list).toMatchObject({ townshipInstructor: '吴新任', villageInstructor: '赵普通' });
    const away = await inject('PUT', `${url()}/village`, { name: '王石牌', post: '村民', memberId: m.shipai });
    expect(away.statusCode).toBe(422);
    expect(away.json().details[0]).toMatchObject({ path: 'memberId', code: 'other_village' });
    // A township instructor may come from anywhere in the county.
    const township = await inject('PUT', `${url()}/township`, { name: '王石牌', post: '乡镇干部', memberId: m.shipai });
    expect(township.statusCode, township.body).toBe(200);
  });

  it('validates the level and the body', async () => {
    expect((await inject('PUT', `${url()}/county`, { name: '某', post: '某' })).statusCode).toBe(400);
    expect((await inject('PUT', `${url()}/village`, { name: '某' })).statusCode).toBe(400);
    expect((await inject('PUT', `${url()}/village`, { name: '某', post: '某', phone: '123' })).statusCode).toBe(400);
    const blank = await inject('PUT', `${url()}/village`, { name: '  ', post: '村干部' });
    expect(blank.statusCode).toBe(422);
  });
});

describe('activity centre', () => {
  const url = () => `${BASE}/${g.b}/activity-centre`;

  it('stores address, coordinates and notes, and records the event', async () => {
    const res = await inject('PUT', url(), {
      address: '高河镇试点村下屋组 8 号（组长家）',
      lat: 30.61,
      lng: 116.92,
      notes: '每月 5 日主题党日',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().activityCentre).toEqual({
      address: '高河镇试点村下屋组 8 号（组长家）',
      lat: 30.61,
      lng: 116.92,
      notes: '每月 5 日主题党日',
    });
    expect(res.json().history[0]).toMatchObject({ kind: 'activity_centre_set' });
    const cleared = (await inject('PUT', url(), { address: '村部' })).json();
    expect(cleared.activityCentre).toEqual({ address: '村部', lat: null, lng: null, notes: '' });
    expect((await inject('GET', `${BASE}?within=340822100201003`)).json().items[0].hasActivityCentre).toBe(true);
  });

  it('refuses one coordinate without the other, and coordinates outside China', async () => {
    const lonely = await inject('PUT', url(), { address: '村部', lat: 30.6 });
    expect(lonely.statusCode).toBe(422);
    expect(lonely.json().details[0]).toMatchObject({ path: 'lng', code: 'coordinates_pair' });
    expect((await inject('PUT', url(), { address: '村部', lat: 60, lng: 116 })).statusCode).toBe(400);
    expect((await inject('PUT', url(), { address: '村部', lat: 30, lng: 10 })).statusCode).toBe(400);
    expect((await inject('PUT', url(), { address: '村部', extra: 1 })).statusCode).toBe(400);
    expect((await inject('GET', `${BASE}/${g.b}`)).json().activityCentre.address).toBe('村部');
  });
});

describe('demo staffing', () => {
  it('gives every group without them a leader, both instructors and an activity centre, keeping what exists', async () => {
    const summary = await staffDemoGroups(t.database.db, COUNTY);
    expect(summary).toMatchObject({ leaders: 2, villageInstructors: 2, townshipInstructors: 2, activityCentres: 2 });
    const a = (await inject('GET', `${BASE}/${g.a}`)).json();
    expect(a.leader.memberId).toBe(m.secretary);
    expect(a.instructors.village.name).toBe('赵普通');
    expect(a.instructors.township.name).toBe('王石牌');
    expect(a.activityCentre).toMatchObject({ address: '高河镇试点村张家湾 党群服务点', lat: null, lng: null });
    const b = (await inject('GET', `${BASE}/${g.b}`)).json();
    expect(b.leader).toMatchObject({ memberId: m.other, name: '钱邻组' });
    // The village's cadre guides the group; the township cadre is synthetic.
    expect(b.instructors.village).toMatchObject({ name: '张书记', post: '村党支部书记', memberId: m.secretary });
    expect(b.instructors.township).toMatchObject({ post: '乡镇包村干部', memberId: null });
    expect(b.instructors.township.phone).toMatch(/^1[3-9][0-9]\*{4}[0-9]{4}$/);
    expect(b.activityCentre.address).toBe('村部');
    const c = (await inject('GET', `${BASE}/${g.c}`)).json();
    expect(c.leader.memberId).toBe(m.shipai);
    expect(c.instructors.village.memberId).toBe(m.shipai); // the village's only member
    expect(c.activityCentre.address).toMatch(/石牌村王家畈 党群服务点$/);
    expect(c.history.map((e: Json) => e.kind).sort()).toEqual([
      'activity_centre_set',
      'instructor_assigned',
      'instructor_assigned',
      'leader_assigned',
    ]);
    expect(await names('withoutLeader=true')).toEqual([]);
    expect(await names('withoutInstructors=true')).toEqual([]);
    const again = await staffDemoGroups(t.database.db, COUNTY);
    expect(again).toMatchObject({ leaders: 0, villageInstructors: 0, townshipInstructors: 0, activityCentres: 0 });
    const foreign = (await inject('GET', `/api/counties/340825/party-groups/${g.foreign}`)).json();
    expect(foreign.leader).toBeNull();
  });
});

describe('retired groups', () => {
  it('leaves the list, still reads, and refuses changes', async () => {
    const id = await grid(COUNTY, '340822101201', '旧网格', [], []);
    const { grid_id } = await t.database.db
      .selectFrom('party_group')
      .where('id', '=', id)
      .select('grid_id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('grid')
      .set({ retired_at: new Date(), retired_reason: 'merged' })
      .where('id', '=', grid_id)
      .execute();
    await t.database.db.updateTable('party_group').set({ retired_at: new Date() }).where('id', '=', id).execute();
    expect(await names('q=旧网格')).toEqual([]);
    const page = await inject('GET', `${BASE}/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().retiredAt).not.toBeNull();
    const write = await inject('PUT', `${BASE}/${id}/activity-centre`, { address: '旧村部' });
    expect(write.statusCode).toBe(422);
    expect(write.json().details[0].code).toBe('group_retired');
  });
});
