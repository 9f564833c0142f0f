/**
 * The household's monitoring cases (防止返贫监测), a section of its own beside the poverty history: each case with
 * its category, risks (ticked when resolved), sources and dates; for an open case the clearance check the server
 * computes and, when every criterion passes, clearing it; a new case when none is open. Phone-friendly (one column).
 */
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, Form, Input, List, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { MONITORING_CATEGORIES, MONITORING_SOURCES, RISK_TYPES } from '../../../shared/labels/monitoring.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import type { HouseholdDetail } from './household-api.ts';
import { type OpenCase, useClearance, useClearCase, useOpenCase, useResolveRisks } from './monitoring-api.ts';
import { monitoringMessages } from './monitoring-messages.ts';

type Case = HouseholdDetail['monitoringCases'][number];

function OpenCaseDialog({ householdId, onClose }: { householdId: number; onClose: () => void }) {
  const m = useMessages(monitoringMessages);
  const { county } = useScope();
  const [form] = Form.useForm<OpenCase>();
  const [error, setError] = useState<string | null>(null);
  const open = useOpenCase(county, householdId);
  const options = (codes: readonly string[], labels: Record<string, string>) =>
    codes.map((c) => ({ value: c, label: labels[c] }));
  const submit = async (body: OpenCase) => {
    try {
      await open.mutateAsync(body);
      onClose();
    } catch (e) {
      // The server's own message (a case already open, a category that does not fit the household).
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={m.open}
      okText={m.submit}
      cancelText={m.cancel}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={open.isPending}
      okButtonProps={{ ...{ 'data-testid': 'open-case-ok' } }}
    >
      {error && <Alert type="error" showIcon title={error} className="form-problems" />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="category" label={m.category} rules={[{ required: true }]}>
          <Select options={options(MONITORING_CATEGORIES, m.categories)} />
        </Form.Item>
        <Form.Item name="riskTypes" label={m.riskTypes} rules={[{ required: true }]}>
          <Select mode="multiple" options={options(RISK_TYPES, m.risks)} />
        </Form.Item>
        <Form.Item name="sources" label={m.sourceLabel} rules={[{ required: true }]}>
          <Select mode="multiple" options={options(MONITORING_SOURCES, m.sources)} />
        </Form.Item>
        <Form.Item name="reason" label={m.reason} rules={[{ required: true }]}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Resolved risks, the clearance check and clearing, for an open case the caller may change. */
function OpenCaseActions({ item }: { item: Case }) {
  const m = useMessages(monitoringMessages);
  const { county } = useScope();
  const [resolved, setResolved] = useState<string[]>(item.resolvedRisks);
  const [checking, setChecking] = useState(false);
  const [reason, setReason] = useState('');
  const save = useResolveRisks(county, item.householdId, item.id);
  const clearance = useClearance(county, item.id, checking);
  const clear = useClearCase(county, item.householdId, item.id);
  return (
    <Space orientation="vertical" className="full-width">
      <div>{m.resolved}</div>
      <Checkbox.Group
        value={resolved}
        onChange={(v) => setResolved(v as string[])}
        options={item.riskTypes.map((r) => ({ value: r, label: m.risks[r] ?? r }))}
      />
      <Button size="small" loading={save.isPending} onClick={() => save.mutate(resolved)}>
        {m.saveResolved}
      </Button>
      <Button size="small" onClick={() => setChecking(true)} data-testid={`clearance-${item.id}`}>
        {m.check}
      </Button>
      {clearance.data && (
        <>
          <List
            size="small"
            dataSource={clearance.data.checks}
            renderItem={(c) => (
              <List.Item key={c.code}>
                {c.passed ? (
                  <CheckCircleTwoTone twoToneColor="#52c41a" />
                ) : (
                  <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                )}{' '}
                {c.detail}
              </List.Item>
            )}
          />
          <div className="muted">{m.clearHint}</div>
          <Input.TextArea
            placeholder={m.clearReason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
          />
          <Button
            type="primary"
            size="small"
            disabled={!clearance.data.passes || reason.trim() === ''}
            loading={clear.isPending}
            onClick={() => clear.mutate(reason)}
          >
            {m.clear}
          </Button>
        </>
      )}
    </Space>
  );
}

/** The household's cases, oldest first; `editable`: the caller may write the household. */
export function HouseholdMonitoring({ record, editable }: { record: HouseholdDetail; editable: boolean }) {
  const m = useMessages(monitoringMessages);
  const [opening, setOpening] = useState(false);
  const cases = record.monitoringCases;
  const hasOpen = cases.some((c) => c.status === 'open');
  const extra = editable && !hasOpen && (
    <Button size="small" onClick={() => setOpening(true)}>
      {m.open}
    </Button>
  );
  return (
    <Card title={m.title} size="small" extra={extra} data-testid="monitoring-cases">
      {cases.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.none} />
      ) : (
        <List
          size="small"
          dataSource={cases}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <Space orientation="vertical" className="full-width">
                <Space wrap>
                  <Tag color="orange">{m.categories[c.category] ?? c.category}</Tag>
                  <Tag color={c.status === 'open' ? 'red' : 'green'}>{m.statuses[c.status] ?? c.status}</Tag>
                  <span>{m.since(c.openedOn, c.closedOn)}</span>
                </Space>
                <Space wrap>
                  {c.riskTypes.map((r) => (
                    <Tag key={r} color={c.resolvedRisks.includes(r) ? 'green' : 'default'}>
                      {m.risks[r] ?? r}
                    </Tag>
                  ))}
                  {c.sources.map((s) => (
                    <Tag key={s}>{m.sources[s] ?? s}</Tag>
                  ))}
                  {c.migrated && <Tag>{m.migrated}</Tag>}
                </Space>
                {c.openReason && <div>{c.openReason}</div>}
                {c.closeReason && <div>{c.closeReason}</div>}
                {editable && c.status === 'open' && <OpenCaseActions item={c} />}
              </Space>
            </List.Item>
          )}
        />
      )}
      {opening && <OpenCaseDialog householdId={record.id} onClose={() => setOpening(false)} />}
    </Card>
  );
}
