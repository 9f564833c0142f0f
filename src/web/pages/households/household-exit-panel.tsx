/**
 * 脱贫退出 on the household record: the current exit's steps (assessment → verification → signature → public
 * notice → exit) with its assessment checks, the next step's action in a dialog, the objections with their
 * resolution, withdrawal, and the exits before it.
 */

import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { EXIT_STATUSES } from '../../../shared/labels/exit.ts';
import { QueryState } from '../../components/query-state.tsx';
import { allows } from '../../components/record-actions.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type HouseholdExit, useHouseholdExits } from './exit-api.ts';
import { type ExitMessages, exitMessages } from './exit-messages.ts';
import { ExitStepDialog, type ExitStepDialogProps } from './exit-step-dialog.tsx';
import type { HouseholdDetail } from './household-api.ts';
import { householdMessages } from './household-messages.ts';

type Dialog = Omit<ExitStepDialogProps, 'householdId' | 'onClose'>;
/** The statuses an exit passes through, in order (a withdrawn one stops where it was). */
const ORDER: readonly string[] = EXIT_STATUSES.filter((s) => s !== 'withdrawn');
const CAN_START = new Set(['identified', 'returned']);

function ExitSteps({ exit, m }: { exit: HouseholdExit; m: ExitMessages }) {
  const withdrawn = exit.status === 'withdrawn';
  // A withdrawn exit stops after the last step it reached.
  const reached = withdrawn
    ? [exit.verifiedOn, exit.signedOn, exit.noticeFrom].filter(Boolean).length
    : ORDER.indexOf(exit.status);
  const s = m.steps;
  const notice = exit.noticeFrom && exit.noticeEndsOn ? m.noticeRange(exit.noticeFrom, exit.noticeEndsOn) : null;
  const items = [
    { title: s.assess, content: exit.assessedOn },
    { title: s.verify, content: exit.verifiedOn },
    { title: s.sign, content: exit.signedOn && `${exit.signedOn} ${exit.signerName ?? ''}` },
    { title: s.notice, content: notice },
    { title: s.complete, content: exit.exitedOn ?? (exit.completableOn && m.completableOn(exit.completableOn)) },
  ];
  const current = exit.status === 'exited' ? 4 : reached + (withdrawn ? 0 : 1);
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={current}
      status={withdrawn ? 'error' : exit.status === 'exited' ? 'finish' : 'process'}
      items={items}
      className="exit-steps"
    />
  );
}

function Checks({ exit }: { exit: HouseholdExit }) {
  const hm = useMessages(householdMessages);
  return (
    <ul className="exit-checks">
      {exit.checks.map((c) => (
        <li key={c.code} className={c.passed ? 'exit-check' : 'exit-check failed'}>
          {c.passed ? (
            <CheckCircleFilled className="exit-check-icon passed" />
          ) : (
            <CloseCircleFilled className="exit-check-icon failed" />
          )}
          <div>
            <div className="exit-check-title">{hm.exitChecks[c.code] ?? c.code}</div>
            <div className="exit-check-detail">{c.detail}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}

function Objections({ exit, m, open }: { exit: HouseholdExit; m: ExitMessages; open?: (d: Dialog) => void }) {
  if (exit.objections.length === 0) return null;
  const label = { open: m.objectionOpen, upheld: m.objectionUpheld, dismissed: m.objectionDismissed };
  return (
    <List
      size="small"
      header={m.objections}
      dataSource={exit.objections}
      renderItem={(o) => (
        <List.Item
          data-testid={`objection-${o.id}`}
          actions={
            o.status === 'open' && open
              ? [
                  <Button
                    key="resolve"
                    size="small"
                    onClick={() => open({ action: 'resolve', exitId: exit.id, objectionId: o.id })}
                  >
                    {m.actions.resolve}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space wrap>
                <Tag color={o.status === 'open' ? 'orange' : o.status === 'upheld' ? 'red' : 'default'}>
                  {label[o.status]}
                </Tag>
                <span>{o.raisedOn}</span>
                <span>{o.raisedBy}</span>
              </Space>
            }
            description={
              <>
                <div>{o.content}</div>
                {o.resolution && (
                  <Typography.Text type="secondary">
                    {o.resolvedOn} {o.resolution}
                  </Typography.Text>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** The buttons for what can be done now: the next step, an objection while under notice, withdrawal. */
function Actions({
  exit,
  m,
  open,
  head,
}: {
  exit: HouseholdExit;
  m: ExitMessages;
  open(d: Dialog): void;
  head: string;
}) {
  if (!exit.nextStep) return null;
  const next = exit.nextStep;
  return (
    <Space wrap className="exit-actions">
      <Button
        type="primary"
        onClick={() =>
          open({ action: next, exitId: exit.id, ...(next === 'sign' ? { initial: { signerName: head } } : {}) })
        }
      >
        {m.actions[next]}
      </Button>
      {exit.status === 'notice' && (
        <Button onClick={() => open({ action: 'objection', exitId: exit.id })}>{m.actions.objection}</Button>
      )}
      <Button danger onClick={() => open({ action: 'withdraw', exitId: exit.id })}>
        {m.actions.withdraw}
      </Button>
    </Space>
  );
}

function PastExit({ exit, m }: { exit: HouseholdExit; m: ExitMessages }) {
  return (
    <List.Item data-testid={`exit-history-${exit.id}`}>
      <Space wrap>
        <Tag color={exit.status === 'exited' ? 'green' : exit.status === 'withdrawn' ? 'default' : 'blue'}>
          {m.status[exit.status]}
        </Tag>
        <span>{m.income(exit.perCapitaNetIncome, exit.line, exit.year)}</span>
        <span>
          {exit.assessedOn} → {exit.exitedOn ?? exit.withdrawnOn ?? '…'}
        </span>
        {exit.withdrawnReason && (
          <Typography.Text type="secondary">{m.withdrawnBecause(exit.withdrawnReason)}</Typography.Text>
        )}
        {exit.pairingsEnded > 0 && (
          <Typography.Text type="secondary">{m.pairingsEnded(exit.pairingsEnded)}</Typography.Text>
        )}
      </Space>
    </List.Item>
  );
}

export function HouseholdExitPanel({ record }: { record: HouseholdDetail }) {
  const m = useMessages(exitMessages);
  const { county } = useScope();
  const can = allows(record, 'exit.write');
  const exits = useHouseholdExits(county, record.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const open = can ? setDialog : undefined;
  return (
    <Card title={m.title} size="small" className="exit-panel" data-testid="exit-panel">
      <QueryState query={exits} compact rows={3}>
        {({ items }) => {
          const current = items.find((e) => e.nextStep !== null) ?? items[0];
          const past = items.filter((e) => e !== current);
          const startable = can && CAN_START.has(record.status) && !items.some((e) => e.nextStep !== null);
          return (
            <Space orientation="vertical" size={8} className="full-width">
              {current ? (
                <>
                  <Space wrap>
                    <Tag color="blue" data-testid="exit-status">
                      {m.status[current.status]}
                    </Tag>
                    <span>{m.income(current.perCapitaNetIncome, current.line, current.year)}</span>
                  </Space>
                  <ExitSteps exit={current} m={m} />
                  {current.withdrawnReason && (
                    <Typography.Text type="secondary">{m.withdrawnBecause(current.withdrawnReason)}</Typography.Text>
                  )}
                  {open && <Actions exit={current} m={m} open={open} head={record.headName} />}
                  <Objections exit={current} m={m} {...(open ? { open } : {})} />
                  <Checks exit={current} />
                </>
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={CAN_START.has(record.status) ? m.none : m.cannotStart}
                />
              )}
              {startable && (
                <Button type={current ? 'default' : 'primary'} onClick={() => setDialog({ action: 'start' })}>
                  {m.start}
                </Button>
              )}
              {past.length > 0 && (
                <List
                  size="small"
                  header={m.history}
                  dataSource={past}
                  renderItem={(e) => <PastExit exit={e} m={m} />}
                />
              )}
            </Space>
          );
        }}
      </QueryState>
      {dialog && <ExitStepDialog householdId={record.id} {...dialog} onClose={() => setDialog(null)} />}
    </Card>
  );
}
