/**
 * Readable names for what the audit trail stores as codes: every action the server writes, the tables entries
 * point at, the fields their diffs name that no form already labels, and the outcome of a sign-in. One table for
 * the whole server, so `audit-labels.test.ts` can check that no written action is left without a label.
 */

import type { Localized } from './lang.ts';

/** A text in both languages (zh-CN first). */
export type BilingualLabel = Localized;

const l = (zh: string, en: string): BilingualLabel => ({ zh, en });

/** Every action code written to `audit_log.action`, by the service that writes it. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, BilingualLabel>> = {
  'auth.login': l('登录', 'Signed in'),
  'auth.login_failed': l('登录失败', 'Sign-in refused'),
  'user.update': l('修改用户', 'User updated'),
  'user.disable': l('停用用户', 'User disabled'),
  'user.enable': l('启用用户', 'User enabled'),
  'user.password_change': l('修改密码', 'Password changed'),
  'user.password_reset': l('重置密码', 'Password reset'),
  'grant.create': l('授予角色', 'Role granted'),
  'grant.delete': l('撤销角色', 'Role revoked'),
  'org_unit.create': l('新建区划', 'Area created'),
  'org_unit.update': l('修改区划', 'Area updated'),
  'org_unit.boundary': l('导入边界', 'Boundary imported'),
  'household.create': l('新建贫困户', 'Household created'),
  'household.update': l('修改贫困户', 'Household updated'),
  'household.status': l('变更贫困户状态', 'Household status changed'),
  'household.unmask': l('查看贫困户敏感信息', 'Household sensitive data revealed'),
  'member.create': l('新建党员', 'Member created'),
  'member.update': l('修改党员', 'Member updated'),
  'member.unmask': l('查看党员敏感信息', 'Member sensitive data revealed'),
  'person.add': l('添加家庭成员', 'Household person added'),
  'person.update': l('修改家庭成员', 'Household person updated'),
  'person.remove': l('移除家庭成员', 'Household person removed'),
  'need.add': l('添加帮扶需求', 'Need added'),
  'need.update': l('修改帮扶需求', 'Need updated'),
  'income.put': l('登记收入', 'Income recorded'),
  'exit.start': l('发起脱贫退出', 'Exit started'),
  'exit.notice': l('退出公示', 'Exit notice posted'),
  'exit.objection': l('退出异议', 'Exit objection raised'),
  'exit.objection_resolve': l('处理退出异议', 'Exit objection resolved'),
  'exit.sign': l('户主签字确认', 'Exit signed'),
  'exit.verify': l('退出核验', 'Exit verified'),
  'exit.complete': l('完成退出', 'Exit completed'),
  'exit.withdraw': l('撤回退出', 'Exit withdrawn'),
  'help_record.create': l('新建帮扶记录', 'Help record created'),
  'help_record.edit': l('修改帮扶记录', 'Help record edited'),
  'help_record.photo': l('添加帮扶照片', 'Help photo added'),
  'help_record.verify': l('核实帮扶记录', 'Help record verified'),
  'help_record.return': l('退回帮扶记录', 'Help record returned'),
  'pairing.confirm': l('确认结对', 'Pairing confirmed'),
  'pairing.bulk_confirm': l('批量确认结对', 'Pairings confirmed in bulk'),
  'pairing.measures': l('修改帮扶措施', 'Pairing measures updated'),
  'pairing.handover': l('结对交接', 'Pairing handed over'),
  'pairing.reject': l('否决结对建议', 'Pairing suggestion rejected'),
  'pairing.reject_withdraw': l('撤回否决', 'Rejection withdrawn'),
  'pairing.end': l('结束结对', 'Pairing ended'),
  'commitment.propose': l('提交承诺', 'Commitment proposed'),
  'commitment.edit': l('修改承诺', 'Commitment edited'),
  'commitment.review': l('审核承诺', 'Commitment reviewed'),
  'commitment.publish': l('公开承诺', 'Commitment published'),
  'commitment.fulfil': l('践诺', 'Commitment item fulfilled'),
  'commitment.evaluate': l('评诺', 'Commitment evaluated'),
  'party_group.leader': l('任命党小组长', 'Group leader assigned'),
  'party_group.instructor': l('设置指导员', 'Instructor set'),
  'party_group.activity_centre': l('设置活动阵地', 'Activity centre set'),
  'grid.rename': l('网格改名', 'Grid renamed'),
  'grid.move_natural_village': l('调整网格自然村', 'Natural village moved'),
  'grid.move_member': l('调整网格党员', 'Member moved'),
  'grid.merge': l('合并网格', 'Grids merged'),
  'grid.split': l('拆分网格', 'Grid split'),
  'grid_plan.propose': l('生成网格方案', 'Grid plan proposed'),
  'grid_plan.apply': l('应用网格方案', 'Grid plan applied'),
  'problem.raise': l('上报问题', 'Problem raised'),
  'problem.sweep': l('超时升级检查', 'Overdue sweep'),
  'problem.accept': l('受理问题', 'Problem accepted'),
  'problem.hand_to_department': l('转交部门', 'Handed to a department'),
  'problem.resolve': l('办结问题', 'Problem resolved'),
  'problem.escalate': l('上报上级', 'Problem escalated'),
  'problem.confirm': l('确认办结', 'Resolution confirmed'),
  'problem.reopen': l('重新打开问题', 'Problem reopened'),
  'problem.urge': l('催办问题', 'Problem urged'),
  'feedback.submit': l('提交群众评价', 'Feedback submitted'),
  'feedback.approve': l('通过群众评价', 'Feedback approved'),
  'feedback.reject': l('驳回群众评价', 'Feedback rejected'),
  'settings.deadlines.set': l('设置办理时限', 'Deadlines set'),
  'settings.warnings.set': l('设置预警阈值', 'Warning thresholds set'),
  'settings.warnings.reset': l('恢复默认预警阈值', 'Warning thresholds reset'),
  'party_activity.rules_set': l('设置组织生活制度', 'Activity rules set'),
  'party_activity.create': l('新建组织生活活动', 'Activity created'),
  'party_activity.edit': l('修改组织生活活动', 'Activity edited'),
  'party_activity.hold': l('登记活动开展', 'Activity held'),
  'party_activity.cancel': l('取消活动', 'Activity cancelled'),
  'party_activity.attendance': l('登记出勤', 'Attendance marked'),
  'party_activity.sign_in_open': l('开启扫码签到', 'QR sign-in opened'),
  'party_activity.sign_in_close': l('结束扫码签到', 'QR sign-in closed'),
  'party_activity.sign_in': l('扫码签到', 'Signed in by QR'),
  'party_activity.photo': l('添加活动照片', 'Activity photo added'),
  'clock.demo': l('设置演示时间', 'Demo clock set'),
  'clock.real': l('恢复真实时间', 'Real clock restored'),
};

/** The tables audit entries point at (`audit_log.table_name`). */
export const AUDIT_TABLE_LABELS: Readonly<Record<string, BilingualLabel>> = {
  app_setting: l('系统设置', 'Setting'),
  activity_attendance: l('活动出勤', 'Attendance'),
  activity_photo: l('活动照片', 'Activity photo'),
  activity_rule: l('组织生活制度', 'Activity rules'),
  app_user: l('用户', 'User'),
  assistance_photo: l('帮扶照片', 'Help photo'),
  assistance_record: l('帮扶记录', 'Help record'),
  commitment: l('承诺', 'Commitment'),
  county_warning_setting: l('预警设置', 'Warning settings'),
  grid: l('网格', 'Grid'),
  grid_plan: l('网格方案', 'Grid plan'),
  household: l('贫困户', 'Household'),
  household_exit: l('脱贫退出', 'Exit'),
  match_rejection: l('结对否决', 'Pairing rejection'),
  org_unit: l('区划', 'Area'),
  pairing: l('结对', 'Pairing'),
  party_activity: l('组织生活活动', 'Activity'),
  party_group: l('党小组', 'Party group'),
  party_member: l('党员', 'Member'),
  problem: l('问题', 'Problem'),
  problem_deadline: l('办理时限', 'Deadlines'),
  public_feedback: l('群众评价', 'Feedback'),
  role_grant: l('角色授权', 'Role grant'),
};

/**
 * Diff fields no form labels (the household and member forms' field names are used for theirs). Keys are
 * camelCase: a snake_case column name is looked up by its camelCase form.
 */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, BilingualLabel>> = {
  outcome: l('结果', 'Outcome'),
  login: l('登录名', 'Login'),
  username: l('用户名', 'Username'),
  displayName: l('姓名', 'Name'),
  disabled: l('已停用', 'Disabled'),
  role: l('角色', 'Role'),
  orgCode: l('区划', 'Area'),
  name: l('名称', 'Name'),
  memberId: l('党员', 'Member'),
  householdId: l('贫困户', 'Household'),
  leaderMemberId: l('党小组长', 'Group leader'),
  instructorMemberId: l('指导员', 'Instructor'),
  activityCentre: l('活动阵地', 'Activity centre'),
  measures: l('帮扶措施', 'Measures'),
  startedOn: l('开始日期', 'Started on'),
  endedOn: l('结束日期', 'Ended on'),
  endReason: l('结束原因', 'End reason'),
  reason: l('原因', 'Reason'),
  status: l('状态', 'Status'),
  note: l('备注', 'Note'),
  content: l('内容', 'Content'),
  items: l('事项', 'Items'),
  decision: l('决定', 'Decision'),
  department: l('部门', 'Department'),
  level: l('层级', 'Level'),
  category: l('类别', 'Category'),
  year: l('年度', 'Year'),
};

/** How a sign-in attempt ended (`outcome` of `auth.login` / `auth.login_failed`). */
export const LOGIN_OUTCOME_LABELS: Readonly<Record<string, BilingualLabel>> = {
  ok: l('成功', 'Signed in'),
  wrong_password: l('密码错误', 'Wrong password'),
  unknown_user: l('用户不存在', 'Unknown user'),
  locked: l('已锁定（尝试过多）', 'Locked (too many attempts)'),
  disabled: l('账号已停用', 'Account disabled'),
};

/** `first_name` → `firstName`: diffs carry column names, the forms' labels are keyed by field name. */
export function camelCaseField(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
