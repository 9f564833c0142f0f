/** Notifications of problem steps: to the users holding the level a problem reaches, or to the one who raised it. */
import type { Kysely } from 'kysely';
import { insertNotifications, levelHolders } from '../../db/repositories/notifications.ts';
import type { Database } from '../../db/schema.ts';
import type { NotificationKind } from '../../db/schema-problems.ts';
import type { ProblemLevel } from '../../domain/escalation.ts';
import { PROBLEM_LEVEL_LABELS } from '../../shared/labels/problem.ts';
import { inSentence } from '../../shared/lang.ts';

/** The message of a notification. */
export function notificationText(kind: NotificationKind, id: number, headName: string, level: ProblemLevel) {
  const { zh, en } = inSentence(PROBLEM_LEVEL_LABELS[level]);
  switch (kind) {
    case 'problem_arrived':
      return {
        zh: `问题 #${id}（${headName}户）已到${zh}，请受理`,
        en: `Problem #${id} (${headName}) reached the ${en} level`,
      };
    case 'problem_overdue':
      return {
        zh: `问题 #${id}（${headName}户）在${zh}已超期`,
        en: `Problem #${id} (${headName}) is overdue at the ${en} level`,
      };
    case 'problem_resolved':
      return {
        zh: `问题 #${id}（${headName}户）已解决，请确认`,
        en: `Problem #${id} (${headName}) was resolved: please confirm`,
      };
    case 'problem_reopened':
      return { zh: `问题 #${id}（${headName}户）被重新打开`, en: `Problem #${id} (${headName}) was reopened` };
    case 'problem_urged':
      return {
        zh: `问题 #${id}（${headName}户）已超期，上级督办，请尽快办理`,
        en: `Problem #${id} (${headName}) is overdue and was urged by a level above: please act on it`,
      };
  }
}

export interface NotifyTarget {
  id: number;
  householdId: number;
  naturalVillageCode: string;
  headName: string;
  level: ProblemLevel;
}

/** Notifies the holders of the problem's level (or the listed users) inside the caller's transaction. */
export async function notify(
  tx: Kysely<Database>,
  county: string,
  kind: NotificationKind,
  problem: NotifyTarget,
  users?: number[],
): Promise<number> {
  const to = users ?? (await levelHolders(tx, county, problem.level, problem.householdId, problem.naturalVillageCode));
  const text = notificationText(kind, problem.id, problem.headName, problem.level);
  await insertNotifications(
    tx,
    [...new Set(to)].map((userId) => ({
      county_code: county,
      user_id: userId,
      kind,
      problem_id: problem.id,
      text_zh: text.zh,
      text_en: text.en,
    })),
  );
  return to.length;
}
