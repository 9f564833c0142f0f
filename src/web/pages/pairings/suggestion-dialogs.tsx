/** The review page's dialogs: reject a pair with a reason, and swap the member for one of the alternatives. */
import { Button, Empty, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { ServerFormDialog } from '../../components/server-form-dialog.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { type Alternative, useRejectSuggestion } from './pairing-api.ts';
import { pairingMessages } from './pairing-messages.ts';
import type { ReviewRow } from './suggestion-columns.tsx';

interface RejectProps {
  county: string;
  row: ReviewRow;
  /** After the rejection was saved (the row's swap, if any, no longer applies). */
  onRejected(): void;
  onClose(): void;
}

/** Rejects the row's current pair; the server never suggests it again and the suggestions refresh. */
export function RejectDialog({ county, row, onRejected, onClose }: RejectProps) {
  const pm = useMessages(pairingMessages);
  const m = pm.suggestions;
  const reject = useRejectSuggestion(county);
  const memberId = row.chosen.member.id;
  const householdId = row.suggestion.household.id;
  return (
    <ServerFormDialog<{ reason: string }>
      title={m.rejectTitle(row.chosen.member.name, row.suggestion.household.headName)}
      m={pm}
      okText={m.reject}
      danger
      initialValues={{}}
      pending={reject.isPending}
      save={async ({ reason }) => {
        const saved = await reject.mutateAsync({ memberId, householdId, reason: reason.trim() });
        onRejected();
        return saved;
      }}
      onClose={onClose}
      testId="reject-dialog"
    >
      <Form.Item
        name="reason"
        label={m.rejectReason}
        rules={[{ required: true, whitespace: true, message: m.required }]}
      >
        <Input.TextArea maxLength={200} rows={2} placeholder={m.rejectPlaceholder} />
      </Form.Item>
    </ServerFormDialog>
  );
}

interface SwapProps {
  row: ReviewRow;
  onChoose(alternative: Alternative | null): void;
  onClose(): void;
}

/** The alternatives (≤ 3) with their fit, reasons and free slots; choosing one replaces the row's member. */
export function SwapDialog({ row, onChoose, onClose }: SwapProps) {
  const pm = useMessages(pairingMessages);
  const m = pm.suggestions;
  const s = row.suggestion;
  // The server's own pick stays choosable after a swap, so a swap can be undone.
  const original: Alternative = { member: s.member, fit: s.fit, parts: s.parts, reasons: s.reasons, freeSlots: 0 };
  const options = row.swapped
    ? [original, ...s.alternatives.filter((a) => a.member.id !== row.chosen.member.id)]
    : s.alternatives;
  return (
    <Modal open title={m.swapTitle(s.household.headName)} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">{m.swapHint}</Typography.Paragraph>
      {options.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noAlternatives} />
      ) : (
        <List
          dataSource={options}
          rowKey={(a) => a.member.id}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button key="choose" type="primary" size="small" onClick={() => onChoose(a === original ? null : a)}>
                  {m.choose}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    {a.member.name}{' '}
                    {a.member.post && <Typography.Text type="secondary">{a.member.post}</Typography.Text>}{' '}
                    <Tag>{`${m.fit} ${a.fit}`}</Tag>
                    {a !== original && (
                      <Tag color={a.freeSlots > 0 ? 'green' : 'default'}>{m.freeSlots(a.freeSlots)}</Tag>
                    )}
                  </>
                }
                description={
                  <>
                    <div>{m.parts(a.parts.skill, a.parts.closeness, a.parts.wish)}</div>
                    {a.reasons.map((r) => (
                      <Tag key={r} color="green">
                        {r}
                      </Tag>
                    ))}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
