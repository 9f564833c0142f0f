/**
 * Import kind `members`: the information card (党员信息卡), one row per member, matched by ID number. Rules are the
 * API's: the MemberCreate schema, `identityProblems` of services/members (valid ID, sex and join age against it,
 * not over the age limit), the natural village existing in the county, dictionary codes (checked while parsing),
 * and "a registered poor person offers no help" (capacity 0), looked up for the whole file at once.
 */
import type { Selectable } from 'kysely';
import { memberPage, membersOfCounty, orgUnitsUnder } from '../../../db/repositories/imports.ts';
import { insertMember, updateMember } from '../../../db/repositories/members.ts';
import { registeredPoorPersons } from '../../../db/repositories/registered-poor.ts';
import type { PartyMemberTable } from '../../../db/schema.ts';
import { HELPER_IS_POOR, POOR_MEMBER_CAPACITY } from '../../../domain/helper-eligibility.ts';
import { MemberCreate } from '../../../shared/schemas/member.ts';
import { diffOf } from '../../audit/audit.ts';
import { memberMoved } from '../../grids/registry-moves.ts';
import { type Identity, identityColumns, type MemberInput, toColumns, toNewRow } from '../../members/member-card.ts';
import { identityProblems } from '../../members/member-rules.ts';
import {
  addProblems,
  duplicateProblems,
  isInvalid,
  type KindContext,
  type KindDefinition,
  type ParsedRow,
  rowPlace,
  type Unit,
} from '../kind.ts';
import { schemaProblems } from '../schema-check.ts';
import type { SheetSpec } from '../sheets.ts';

export const MEMBER_SHEET: SheetSpec = {
  name: '党员信息',
  en: 'Members',
  synonyms: ['党员', '党员信息卡', 'members'],
  columns: [
    { field: 'name', header: '姓名', en: 'Name', type: 'text', required: true, synonyms: ['党员姓名'] },
    {
      field: 'idNumber',
      header: '身份证号',
      en: 'ID number',
      type: 'id',
      required: true,
      synonyms: ['公民身份号码', '身份证号码', '证件号码'],
      hint: '18 位；请把该列设为“文本”，否则 Excel 会丢失后几位',
    },
    { field: 'sex', header: '性别', en: 'Sex', type: 'code', dict: 'sex', hint: '可不填，按身份证号' },
    { field: 'phone', header: '手机号', en: 'Phone', type: 'text', synonyms: ['联系电话', '电话', '手机'] },
    { field: 'publicPhone', header: '公开电话', en: 'Public phone', type: 'text', hint: '印在连心卡上，公开显示' },
    { field: 'ethnicity', header: '民族', en: 'Ethnicity', type: 'code', dict: 'ethnicity', required: true },
    {
      field: 'education',
      header: '文化程度',
      en: 'Education',
      type: 'code',
      dict: 'education',
      required: true,
      synonyms: ['学历'],
    },
    { field: 'joinDate', header: '入党日期', en: 'Join date', type: 'date', required: true, synonyms: ['入党时间'] },
    {
      field: 'membership',
      header: '党员类别',
      en: 'Membership',
      type: 'code',
      dict: 'membership',
      required: true,
      synonyms: ['人员类别'],
    },
    {
      field: 'branchName',
      header: '所在党支部',
      en: 'Branch',
      type: 'text',
      required: true,
      synonyms: ['党支部', '所在支部'],
    },
    {
      field: 'naturalVillageCode',
      header: '自然村代码',
      en: 'Natural village code',
      type: 'text',
      required: true,
      synonyms: ['居住自然村代码'],
      hint: '15 位，先导入村和自然村',
    },
    { field: 'post', header: '党内职务', en: 'Post', type: 'text' },
    { field: 'workUnit', header: '工作单位', en: 'Work unit', type: 'text' },
    { field: 'expertise', header: '特长', en: 'Expertise', type: 'codes', dict: 'expertise', hint: '多项用顿号分隔' },
    { field: 'interests', header: '兴趣爱好', en: 'Interests', type: 'text' },
    {
      field: 'willingness',
      header: '服务意愿',
      en: 'Willingness',
      type: 'codes',
      dict: 'willingness',
      hint: '多项用顿号分隔',
    },
    { field: 'capacity', header: '可帮扶户数', en: 'Capacity', type: 'integer', required: true, hint: '0–2' },
    { field: 'isMigrant', header: '流动党员', en: 'Migrant', type: 'boolean', hint: '是 / 否' },
    { field: 'health', header: '健康状况', en: 'Health', type: 'code', dict: 'health' },
    { field: 'status', header: '党员状态', en: 'Status', type: 'code', dict: 'member_status', hint: '不填为正常' },
    { field: 'note', header: '备注', en: 'Note', type: 'text' },
  ],
};

type MemberRow = Selectable<PartyMemberTable>;

interface MemberUnit extends Unit<MemberInput> {
  identity?: Identity;
  existing?: MemberRow;
}

const NOT_NATURAL_VILLAGE = (code: string) => ({
  path: 'naturalVillageCode',
  code: 'natural_village_missing',
  message: {
    zh: `本县没有代码为 ${code} 的自然村，请先导入村和自然村`,
    en: `The county has no natural village ${code}; import it first`,
  },
});

function build(rows: ParsedRow[]): MemberUnit[] {
  return rows.map((row) => ({
    key: String(row.values.idNumber ?? ''),
    input: row.values as unknown as MemberInput,
    problems: [...row.problems],
    action: row.problems.length > 0 ? 'invalid' : 'create',
    place: rowPlace(row),
  }));
}

/** Card columns as stored, for the diff against an existing card. */
const columnsOf = (unit: MemberUnit) => ({ ...toColumns(unit.input), ...identityColumns(unit.identity as Identity) });

/** A registered poor person may be a member but offers no help: capacity must be 0 (one query for the file). */
async function poorProblems(ctx: KindContext, units: MemberUnit[]) {
  const helping = units.filter((u) => !isInvalid(u) && u.input.capacity > 0 && u.identity);
  const poor = new Set(
    (
      await registeredPoorPersons(
        ctx.db,
        ctx.county,
        helping.map((u) => u.identity?.idNumber ?? ''),
      )
    ).map((p) => p.id_number),
  );
  for (const unit of helping) {
    if (poor.has(unit.identity?.idNumber ?? ''))
      addProblems(unit, [{ path: 'capacity', code: HELPER_IS_POOR, message: POOR_MEMBER_CAPACITY }]);
  }
}

export const membersKind: KindDefinition<MemberUnit> = {
  kind: 'members',
  sheets: [MEMBER_SHEET],
  build,
  async check(ctx, units) {
    const naturalVillages = new Set(
      (await orgUnitsUnder(ctx.db, ctx.county)).filter((u) => u.level === 'natural_village').map((u) => u.code),
    );
    const existing = new Map((await membersOfCounty(ctx.db, ctx.county)).map((m) => [m.id_number, m]));
    for (const unit of units) {
      if (isInvalid(unit)) continue;
      addProblems(unit, schemaProblems(MemberCreate, unit.input));
      if (isInvalid(unit)) continue;
      const { problems, identity } = identityProblems(unit.input, ctx.today);
      if (!naturalVillages.has(unit.input.naturalVillageCode))
        problems.push(NOT_NATURAL_VILLAGE(unit.input.naturalVillageCode));
      addProblems(unit, problems);
      if (identity) {
        unit.identity = identity;
        unit.key = identity.idNumber;
      }
    }
    duplicateProblems(units, 'idNumber', { zh: '身份证号', en: 'ID number' });
    await poorProblems(ctx, units);
    for (const unit of units) {
      if (isInvalid(unit)) continue;
      const current = existing.get(unit.key);
      if (!current) continue;
      unit.existing = current;
      unit.action = Object.keys(diffOf(current, columnsOf(unit))).length === 0 ? 'unchanged' : 'update';
    }
  },
  async apply(w, ctx, units) {
    for (const unit of units) {
      const identity = unit.identity as Identity;
      if (unit.action === 'create') {
        const row = toNewRow(unit.input, ctx.county, identity);
        const id = await insertMember(w.tx, row);
        const { county_code, ...written } = row;
        w.audit({
          action: 'member.create',
          table: 'party_member',
          recordId: id,
          orgCode: row.natural_village_code,
          diff: diffOf(null, written),
        });
        w.touched(row.natural_village_code);
      } else if (unit.action === 'update' && unit.existing) {
        const current = unit.existing;
        const columns = columnsOf(unit);
        await updateMember(w.tx, ctx.county, current.id, columns);
        await memberMoved(w, current.id, current, unit.input);
        w.audit({
          action: 'member.update',
          table: 'party_member',
          recordId: current.id,
          orgCode: current.natural_village_code,
          diff: diffOf(current, columns),
        });
        w.touched(current.natural_village_code, unit.input.naturalVillageCode);
      }
    }
  },
  async *exportRows(ctx, under) {
    let after = 0;
    for (;;) {
      const page = await memberPage(ctx.db, ctx.county, under, after, 2000);
      for (const m of page) yield { sheetIndex: 0, values: cardValues(m) };
      if (page.length < 2000) return;
      after = Number(page[page.length - 1]?.id);
    }
  },
};

/** A stored card as the sheet's fields. */
function cardValues(m: MemberRow): Record<string, unknown> {
  return {
    name: m.name,
    idNumber: m.id_number,
    sex: m.sex,
    phone: m.phone,
    publicPhone: m.public_phone,
    ethnicity: m.ethnicity,
    education: m.education,
    joinDate: m.join_date,
    membership: m.membership,
    branchName: m.branch_name,
    naturalVillageCode: m.natural_village_code,
    post: m.post,
    workUnit: m.work_unit,
    expertise: m.expertise,
    interests: m.interests,
    willingness: m.willingness,
    capacity: m.capacity,
    isMigrant: m.is_migrant,
    health: m.health,
    status: m.status,
    note: m.note,
  };
}
