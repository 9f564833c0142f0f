/** The public page's feedback form: 1–5 stars and an optional comment; a thank-you once sent, the server's refusal otherwise. */
import { Alert, Button, Card, Input, Rate, Result, Space } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../components/query-state.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useSubmitFeedback } from './plaque-api.ts';
import { plaqueMessages } from './plaque-messages.ts';

export function FeedbackForm({ county, code }: { county: string; code: string }) {
  const m = useMessages(plaqueMessages);
  const errorText = useErrorText();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = useSubmitFeedback(county, code);

  if (submit.isSuccess) {
    return (
      <div data-testid="feedback-thanks">
        <Card size="small">
          <Result status="success" title={m.thanks} subTitle={m.thanksHint} />
        </Card>
      </div>
    );
  }
  const send = () => {
    if (stars < 1) {
      setMissing(true);
      return;
    }
    submit.mutate({ satisfaction: stars, comment: comment.trim() });
  };
  return (
    <Card size="small" title={m.feedbackTitle}>
      <Space orientation="vertical" className="full-width">
        <div>
          <span className="plaque-label">{m.satisfaction}</span>
          <Rate
            aria-label={m.satisfaction}
            value={stars}
            onChange={(value) => {
              setStars(value);
              setMissing(false);
            }}
          />
        </div>
        {missing && <Alert type="warning" showIcon title={m.chooseStars} />}
        <Input.TextArea
          aria-label={m.comment}
          placeholder={m.commentPlaceholder}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={300}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
        />
        {submit.isError && (
          <div data-testid="feedback-error">
            <Alert type="error" showIcon title={m.failed} description={errorText(submit.error)} />
          </div>
        )}
        <Button type="primary" block loading={submit.isPending} onClick={send}>
          {m.submit}
        </Button>
      </Space>
    </Card>
  );
}
