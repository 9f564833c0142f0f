/**
 * One commitment (/commitments/:id): its member, status, items and review facts, with the actions its state and
 * the user's rights allow; /commitments/new proposes one (?memberId= from the member page, or the user's own).
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../auth/session.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { allows } from '../../components/record-actions.ts';
import { ScopedLink, useScopedHref } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type CommitmentDetail, useChangeCommitment, useCommitment } from './commitment-api.ts';
import { StatusTag } from './commitment-columns.tsx';
import { CommitmentDialog, type Dialog } from './commitment-dialogs.tsx';
import { CommitmentEditor } from './commitment-editor.tsx';
import { CommitmentItems } from './commitment-items.tsx';
import { type CommitmentMessages, commitmentMessages } from './commitment-messages.ts';
import './commitments.css';
import { businessToday } from '../../auth/business-clock.ts';

/** The member ids of the user's 'member' grants, and whether their write right at `unit` comes only from those. */
function useOwnMembers(unit: string | undefined) {
  const grants = useMe().data?.grants ?? [];
  const covering = unit ? grants.filter((g) => unit.startsWith(g.orgCode)) : grants;
  const own = grants.flatMap((g) => (g.role === 'member' && g.memberId ? [g.memberId] : []));
  return { own, memberOnly: covering.length > 0 && covering.every((g) => g.role === 'member') };
}

function Facts({ c, m }: { c: CommitmentDetail; m: CommitmentMessages }) {
  const f = m.fields;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={f.member}>
        {c.memberName}
        {c.memberPost ? `（${c.memberPost}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={f.place}>
        {[c.villageName, c.naturalVillageName].filter(Boolean).join(' · ')}
      </Descriptions.Item>
      <Descriptions.Item label={f.status}>
        <StatusTag status={c.status} m={m} />
      </Descriptions.Item>
      <Descriptions.Item label={f.publishedOn}>{c.publishedOn ?? '—'}</Descriptions.Item>
      {c.reviewComment && <Descriptions.Item label={f.reviewComment}>{c.reviewComment}</Descriptions.Item>}
      {c.reviewedOn && <Descriptions.Item label={f.reviewedOn}>{c.reviewedOn}</Descriptions.Item>}
      {c.evaluationGrade && <Descriptions.Item label={f.grade}>{m.grades[c.evaluationGrade]}</Descriptions.Item>}
      {c.evaluation && <Descriptions.Item label={f.evaluation}>{c.evaluation}</Descriptions.Item>}
    </Descriptions>
  );
}

function Actions({
  c,
  m,
  writable,
  reviewable,
  onDialog,
  onEdit,
}: {
  c: CommitmentDetail;
  m: CommitmentMessages;
  writable: boolean;
  reviewable: boolean;
  onDialog(d: Dialog): void;
  onEdit(): void;
}) {
  const { county } = useScope();
  const change = useChangeCommitment(county, c.id);
  const a = m.actions;
  return (
    <Space wrap>
      {writable && (c.status === 'proposed' || c.status === 'returned') && <Button onClick={onEdit}>{a.edit}</Button>}
      {reviewable && c.status === 'proposed' && (
        <>
          <Button
            type="primary"
            onClick={() => onDialog({ kind: 'review', decision: 'approve' })}
            data-testid="commitment-approve"
          >
            {a.approve}
          </Button>
          <Button danger onClick={() => onDialog({ kind: 'review', decision: 'return' })}>
            {a.return}
          </Button>
        </>
      )}
      {reviewable && c.status === 'approved' && (
        <Popconfirm
          title={m.publishConfirm}
          okText={a.publish}
          cancelText={m.cancel}
          onConfirm={() => change.mutateAsync({ kind: 'publish' })}
        >
          <Button type="primary" loading={change.isPending} data-testid="commitment-publish">
            {a.publish}
          </Button>
        </Popconfirm>
      )}
      {/* Evaluation is a year-end act: the API refuses it before 1 December of the commitment's year. */}
      {reviewable && c.status === 'published' && businessToday() >= `${c.year}-12-01` && (
        <Button onClick={() => onDialog({ kind: 'evaluate' })}>{a.evaluate}</Button>
      )}
    </Space>
  );
}

function Commitment({ c, m }: { c: CommitmentDetail; m: CommitmentMessages }) {
  const { county } = useScope();
  const { own, memberOnly } = useOwnMembers(c.naturalVillageCode);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [editing, setEditing] = useState(false);
  // The server's allowedActions decides (the record's own unit, the same rule as its write routes); a member
  // still writes only their own commitments, which the service checks and the page mirrors.
  const writable = allows(c, 'commitment.write') && (!memberOnly || own.includes(c.memberId));
  const reviewable = allows(c, 'commitment.review');
  return (
    <>
      <Card
        size="small"
        className="grid-section"
        extra={
          <Actions
            c={c}
            m={m}
            writable={writable}
            reviewable={reviewable}
            onDialog={setDialog}
            onEdit={() => setEditing(true)}
          />
        }
      >
        <Facts c={c} m={m} />
      </Card>
      <Card size="small" className="grid-section" title={editing ? m.editor.editTitle : m.items}>
        {editing ? (
          <CommitmentEditor county={county} m={m} commitment={c} onDone={() => setEditing(false)} />
        ) : (
          <CommitmentItems
            commitment={c}
            m={m}
            onFulfil={
              writable && c.status === 'published'
                ? (i) => setDialog({ kind: 'fulfil', itemId: i.id, position: i.position })
                : undefined
            }
          />
        )}
      </Card>
      {dialog && (
        <CommitmentDialog county={county} commitment={c} dialog={dialog} m={m} onClose={() => setDialog(null)} />
      )}
    </>
  );
}

function NewCommitment({ m }: { m: CommitmentMessages }) {
  const { county } = useScope();
  const navigate = useNavigate();
  const href = useScopedHref();
  const [params] = useSearchParams();
  const { own } = useOwnMembers(undefined);
  const fromUrl = Number(params.get('memberId'));
  const memberId = Number.isInteger(fromUrl) && fromUrl > 0 ? fromUrl : own.length === 1 ? own[0] : undefined;
  return (
    <Card size="small" className="grid-section" title={m.editor.newTitle}>
      <CommitmentEditor
        county={county}
        m={m}
        memberId={memberId}
        onDone={(saved) => navigate(href(saved ? `/commitments/${saved.id}` : '/commitments'))}
      />
    </Card>
  );
}

export default function CommitmentPage() {
  const m = useMessages(commitmentMessages);
  const { county } = useScope();
  const param = useParams().id;
  const id = Number(param);
  const query = useCommitment(county, param === 'new' ? 0 : id);
  const back = (
    <ScopedLink to="/commitments">
      <Button icon={<ArrowLeftOutlined />}>{m.back}</Button>
    </ScopedLink>
  );
  if (param === 'new') {
    return (
      <>
        <div className="page-title">
          <Typography.Title level={2}>{m.editor.newTitle}</Typography.Title>
          {back}
        </div>
        <NewCommitment m={m} />
      </>
    );
  }
  return (
    <QueryState query={query}>
      {(c) => (
        <>
          <div className="page-title">
            <Typography.Title level={2}>{m.heading(c.memberName, c.year)}</Typography.Title>
            {back}
          </div>
          <Commitment c={c} m={m} />
        </>
      )}
    </QueryState>
  );
}
