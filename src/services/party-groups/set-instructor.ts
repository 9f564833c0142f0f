/** Set a Party group's township or village instructor (指导员); the previous one's term ends, history kept. */

import type { Kysely, Transaction } from 'kysely';
import {
  addGridEvent,
  currentInstructor,
  findMemberRow,
  type GroupRow,
  replaceInstructor,
} from '../../db/repositories/party-groups.ts';
import type { Database, InstructorLevel } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { AppError } from '../../domain/errors.ts';
import { write } from '../write.ts';
import { getPartyGroup } from './get-party-group.ts';
import { groupStep } from './group-write.ts';

export interface InstructorInput {
  name: string;
  post: string;
  phone?: string | undefined;
  memberId?: number | undefined;
  startedOn?: string | undefined;
}

const LEVEL = {
  township: { zh: '乡镇指导员', en: 'township instructor' },
  village: { zh: '村级指导员', en: 'village instructor' },
} as const;

/** The instructor's member card, when given, must be an active member; a village one of the group's village. */
async function memberProblems(
  tx: Transaction<Database>,
  county: string,
  group: GroupRow,
  level: InstructorLevel,
  memberId: number,
): Promise<FieldProblem[]> {
  const member = await findMemberRow(tx, county, memberId);
  if (!member) {
    return [
      {
        path: 'memberId',
        code: 'member_missing',
        message: { zh: `本县没有编号为 ${memberId} 的党员`, en: `The county has no member ${memberId}` },
      },
    ];
  }
  const problems: FieldProblem[] = [];
  if (member.status !== 'active') {
    problems.push({
      path: 'memberId',
      code: 'member_inactive',
      message: { zh: `${member.name}已不是在册党员`, en: `${member.name} is no longer an active member` },
    });
  }
  if (level === 'village' && member.natural_village_code.slice(0, 12) !== group.village_code) {
    problems.push({
      path: 'memberId',
      code: 'other_village',
      message: {
        zh: `村级指导员须是本村（${group.village_name ?? group.village_code}）的党员，${member.name}不住在本村`,
        en: `A village instructor must be a member of the group's village (${group.village_code}); ${member.name} lives elsewhere`,
      },
    });
  }
  return problems;
}

function blankProblems(input: InstructorInput): FieldProblem[] {
  const fields = [
    ['name', { zh: '姓名', en: 'The name' }],
    ['post', { zh: '职务', en: 'The post' }],
  ] as const;
  return fields.flatMap(([path, label]) =>
    input[path].trim() === ''
      ? [{ path, code: 'blank', message: { zh: `${label.zh}不能只有空格`, en: `${label.en} cannot be only spaces` } }]
      : [],
  );
}

/**
 * Makes the given cadre the `level` instructor of group `id` from `startedOn` (today by default): the current
 * one's term ends that day. Writes `instructor_assigned` to the grid's history.
 */
export async function setInstructor(
  db: Kysely<Database>,
  county: string,
  id: number,
  level: InstructorLevel,
  input: InstructorInput,
  today: string = chinaDateOf(),
) {
  return write(db, county, (ctx) =>
    groupStep(ctx, id, 'party_group.instructor', async (tx, group) => {
      const startedOn = input.startedOn ?? today;
      const current = await currentInstructor(tx, county, id, level);
      const problems = [
        ...blankProblems(input),
        ...(input.memberId === undefined ? [] : await memberProblems(tx, county, group, level, input.memberId)),
      ];
      if (startedOn > today) {
        problems.push({
          path: 'startedOn',
          code: 'date_future',
          message: { zh: '开始日期不能晚于今天', en: 'The start date cannot be in the future' },
        });
      }
      if (current && startedOn < current.started_on) {
        problems.push({
          path: 'startedOn',
          code: 'before_current',
          message: {
            zh: `开始日期不能早于现任${LEVEL[level].zh}${current.name}的任职日期 ${current.started_on}`,
            en: `The start date cannot be before the current ${LEVEL[level].en} ${current.name} started (${current.started_on})`,
          },
        });
      }
      if (problems.length > 0) throw AppError.rules(problems);
      await replaceInstructor(
        tx,
        {
          county_code: county,
          group_id: id,
          level,
          name: input.name.trim(),
          post: input.post.trim(),
          phone: input.phone ?? null,
          member_id: input.memberId ?? null,
          started_on: startedOn,
        },
        startedOn,
      );
      // No phone in the history: the log is read more widely than the instructor card.
      await addGridEvent(tx, county, Number(group.grid_id), 'instructor_assigned', {
        groupId: id,
        level,
        name: input.name.trim(),
        post: input.post.trim(),
        memberId: input.memberId ?? null,
        startedOn,
        previous: current ? current.name : null,
      });
      return getPartyGroup(tx, county, id, today);
    }),
  );
}
