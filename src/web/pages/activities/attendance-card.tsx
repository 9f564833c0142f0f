/**
 * The attendance of a held activity: the group's current members (and anyone marked who has since left), each
 * present / excused (with a reason) / absent, remote for a member working away. The leader marks and saves;
 * others see the marks.
 */
import { Button, Card, Checkbox, Input, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FormProblems } from '../../components/form-problems.tsx';
import { type ActivityDetail, type AttendanceMark, useChangeActivity } from './activity-api.ts';
import type { ActivityMessages } from './activity-messages.ts';

type Marks = Record<number, AttendanceMark>;

function marksOf(activity: ActivityDetail): Marks {
  const marks: Marks = {};
  for (const r of activity.roster) {
    if (r.status)
      marks[r.memberId] = { memberId: r.memberId, status: r.status, reason: r.reason ?? '', remote: r.remote };
  }
  return marks;
}

export function AttendanceCard(props: {
  county: string;
  scope: string;
  activity: ActivityDetail;
  m: ActivityMessages;
}) {
  const { activity, m } = props;
  const [marks, setMarks] = useState<Marks>(() => marksOf(activity));
  useEffect(() => setMarks(marksOf(activity)), [activity]);
  const save = useChangeActivity(props.county, props.scope, activity.id);
  const editable = activity.canWrite;
  const set = (memberId: number, patch: Partial<AttendanceMark>) =>
    setMarks((all) => ({ ...all, [memberId]: { memberId, status: 'present', ...all[memberId], ...patch } }));
  const allPresent = () =>
    setMarks(
      Object.fromEntries(
        activity.roster.filter((r) => r.current).map((r) => [r.memberId, { memberId: r.memberId, status: 'present' }]),
      ) as Marks,
    );
  const changed = Object.values(marks).filter((mark) => {
    const before = activity.roster.find((r) => r.memberId === mark.memberId);
    return (
      before?.status !== mark.status ||
      (mark.status === 'excused' && (before?.reason ?? '') !== (mark.reason ?? '')) ||
      (mark.status === 'present' && before?.remote !== (mark.remote ?? false))
    );
  });
  const send = () =>
    save.mutate({
      kind: 'attendance',
      body: {
        marks: changed.map((x) => ({
          memberId: x.memberId,
          status: x.status,
          ...(x.status === 'excused' ? { reason: x.reason ?? '' } : {}),
          ...(x.status === 'present' && x.remote ? { remote: true } : {}),
        })),
      },
    });
  const present = activity.roster.filter((r) => r.status === 'present').length;
  return (
    <Card
      size="small"
      className="activity-section"
      title={`${m.roster}（${m.present} ${present}/${activity.roster.length}）`}
      extra={editable && <Button onClick={allPresent}>{m.allPresent}</Button>}
    >
      <Typography.Paragraph type="secondary">{m.rosterHint}</Typography.Paragraph>
      {activity.roster.map((r) => {
        const mark = marks[r.memberId];
        return (
          <div key={r.memberId} className="roster-row" data-testid={`roster-${r.memberId}`}>
            <span className="roster-name">
              {r.name} {r.migrant && <Tag>{m.migrant}</Tag>} {!r.current && <Tag>{m.left}</Tag>}
            </span>
            {editable && r.current ? (
              <Radio.Group
                value={mark?.status}
                onChange={(e) => set(r.memberId, { status: e.target.value })}
                options={(['present', 'excused', 'absent'] as const).map((s) => ({ value: s, label: m.attendance[s] }))}
                optionType="button"
                size="small"
              />
            ) : (
              <Tag color={r.status === 'present' ? 'green' : undefined} data-testid={`mark-${r.memberId}`}>
                {r.status ? m.attendance[r.status] : m.unmarked}
              </Tag>
            )}
            {editable && mark?.status === 'excused' && (
              <Input
                size="small"
                style={{ width: 160 }}
                maxLength={200}
                placeholder={m.reason}
                aria-label={m.reason}
                value={mark.reason}
                onChange={(e) => set(r.memberId, { reason: e.target.value })}
              />
            )}
            {editable && r.migrant && mark?.status === 'present' && (
              <Checkbox checked={mark.remote ?? false} onChange={(e) => set(r.memberId, { remote: e.target.checked })}>
                {m.remote}
              </Checkbox>
            )}
            {r.status && (
              <Space size={4}>
                {r.remote && <Tag color="purple">{m.remote}</Tag>}
                {r.method && (
                  <Tag data-testid={`method-${r.memberId}`} color={r.method === 'qr' ? 'cyan' : undefined}>
                    {m.methods[r.method]}
                  </Tag>
                )}
              </Space>
            )}
          </div>
        );
      })}
      {editable && (
        <>
          <FormProblems
            error={save.error}
            unplaced={save.error ? ((save.error as { details?: [] }).details ?? []) : []}
          />
          <Button type="primary" disabled={changed.length === 0} loading={save.isPending} onClick={send}>
            {m.saveAttendance}
          </Button>
        </>
      )}
    </Card>
  );
}
