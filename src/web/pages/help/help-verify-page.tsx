/**
 * /help/verify — the submitted help records the caller may verify (`toVerify=true`: the server applies the same
 * rule as the verify endpoint, so a group leader sees only the grids their member leads); verify, or return with a
 * reason.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, message, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Static } from 'typebox';
import type { PageOfSchema } from '../../../shared/schemas/common.ts';
import type { HelpRecordItem } from '../../../shared/schemas/help-record.ts';
import { ApiError, api } from '../../api/client.ts';
import { useDictionary } from '../../api/dictionary.ts';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { helpQueries } from './help-api.ts';
import { type HelpVerifyMessages, helpVerifyMessages } from './help-verify-messages.ts';

type Row = Static<typeof HelpRecordItem>;
type Decision = { id: number; decision: 'verify' } | { id: number; decision: 'return'; comment: string };

function useToVerify(county: string, scope: string) {
  return useQuery({
    queryKey: [...helpQueries.all(county), 'to-verify', scope],
    queryFn: () =>
      api.get<PageOfSchema<typeof HelpRecordItem>>(`/api/counties/${county}/help-records`, {
        within: scope,
        toVerify: true,
        sort: 'visitedOn',
        pageSize: 100,
      }),
  });
}

function ReturnDialog(props: {
  m: HelpVerifyMessages;
  busy: boolean;
  onOk: (c: string) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState('');
  const blank = comment.trim() === '';
  return (
    <Modal
      open
      title={props.m.returnTitle}
      okText={props.m.return}
      cancelText={props.m.cancel}
      okButtonProps={{ disabled: blank, danger: true, loading: props.busy }}
      onOk={() => props.onOk(comment.trim())}
      onCancel={props.onCancel}
    >
      <Input.TextArea
        rows={3}
        maxLength={500}
        placeholder={props.m.reason}
        aria-label={props.m.reason}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {blank && <Typography.Text type="secondary">{props.m.required}</Typography.Text>}
    </Modal>
  );
}

export default function HelpVerifyPage() {
  const m = useMessages(helpVerifyMessages);
  const { county, scope } = useScope();
  const client = useQueryClient();
  const measures = useDictionary('measure');
  const records = useToVerify(county, scope);
  const [returning, setReturning] = useState<number | null>(null);
  const decide = useMutation({
    mutationFn: (d: Decision) =>
      api.post(`/api/counties/${county}/help-records/${d.id}/verify`, {
        decision: d.decision,
        ...(d.decision === 'return' ? { comment: d.comment } : {}),
      }),
    onSuccess: (_, d) => {
      setReturning(null);
      void message.success(d.decision === 'verify' ? m.verified : m.returned);
      void client.invalidateQueries({ queryKey: helpQueries.all(county) });
    },
    onError: (e) => void message.error(e instanceof ApiError ? e.message : String(e)),
  });
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.title}</Typography.Title>
      </div>
      <Alert type="info" showIcon message={m.hint} className="help-verify-hint" />
      <Table<Row>
        rowKey="id"
        data-testid="to-verify-table"
        loading={records.isFetching}
        dataSource={records.data?.items ?? []}
        locale={{ emptyText: m.empty }}
        pagination={false}
        columns={[
          {
            title: m.household,
            render: (_, r) => <ScopedLink to={`/households/${r.householdId}`}>{r.headName}</ScopedLink>,
          },
          { title: m.member, dataIndex: 'memberName' },
          { title: m.visitedOn, dataIndex: 'visitedOn' },
          { title: m.measure, render: (_, r) => measures.label(r.measure) },
          { title: m.content, dataIndex: 'content' },
          {
            title: '',
            render: (_, r) => (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  loading={decide.isPending && decide.variables?.id === r.id}
                  onClick={() => decide.mutate({ id: r.id, decision: 'verify' })}
                  data-testid={`help-verify-${r.id}`}
                >
                  {m.verify}
                </Button>
                <Button size="small" danger onClick={() => setReturning(r.id)} data-testid={`help-return-${r.id}`}>
                  {m.return}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {returning !== null && (
        <ReturnDialog
          m={m}
          busy={decide.isPending}
          onOk={(comment) => decide.mutate({ id: returning, decision: 'return', comment })}
          onCancel={() => setReturning(null)}
        />
      )}
    </>
  );
}
