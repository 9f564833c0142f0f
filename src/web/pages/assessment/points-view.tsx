/**
 * A member's points of a year as a phone-first list: the total, each line with its item, day and points, linked
 * to the record that earned it (household, commitment, problem, activity), the rating, vetoes and star history.
 */
import { Alert, Card, List, Rate, Space, Statistic, Tag, Typography } from 'antd';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useLabel } from '../../i18n/i18n.tsx';
import type { MemberPoints } from './assessment-api.ts';
import type { AssessmentMessages } from './assessment-messages.ts';

type Line = MemberPoints['lines'][number];

/** The page a line's record lives on. */
export function lineHref(line: Line): string | null {
  switch (line.link) {
    case 'household':
      return `/households/${line.linkId}`;
    case 'commitment':
      return `/commitments/${line.linkId}`;
    case 'problem':
      return `/problems/${line.linkId}`;
    case 'activity':
      return `/activities/${line.linkId}`;
    default:
      return null;
  }
}

export function PointsView({ p, m }: { p: MemberPoints; m: AssessmentMessages }) {
  const label = useLabel();
  const stars = p.rating?.finalStars ?? p.rating?.branchStars ?? p.rating?.computedStars ?? null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap size="large">
          <Statistic title={m.total} value={p.total} data-testid="points-total" />
          {stars !== null && (
            <div>
              <Typography.Text type="secondary">{m.stars}</Typography.Text>
              <div>
                <Rate disabled value={stars} />
              </div>
            </div>
          )}
          {p.stage && <Tag>{m.stages[p.stage]}</Tag>}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {p.computedAt ? m.computedAt(new Date(p.computedAt).toLocaleString()) : m.notComputed}
        </Typography.Paragraph>
      </Card>
      {p.vetoes.map((v) => (
        <Alert key={v.code} type="warning" showIcon message={`${m.vetoes}：${label(v.reason)}（≤ ${v.maxStars}★）`} />
      ))}
      <Card size="small" title={m.lines}>
        <List
          dataSource={p.lines}
          locale={{ emptyText: m.noLines }}
          renderItem={(line) => {
            const href = lineHref(line);
            const text = `${m.items[line.item]} · ${line.on}`;
            return (
              <List.Item
                data-testid="point-line"
                className="points-line"
                extra={<Typography.Text strong>{line.awarded > 0 ? `+${line.awarded}` : line.awarded}</Typography.Text>}
              >
                <Space direction="vertical" size={0}>
                  <span data-testid="point-line-link">{href ? <ScopedLink to={href}>{text}</ScopedLink> : text}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {line.table} #{line.recordId}
                    {line.capped ? ` · ${m.capped}` : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
      {p.history.length > 0 && (
        <Card size="small" title={m.history}>
          <List
            dataSource={p.history}
            renderItem={(h) => (
              <List.Item extra={h.final ? <Tag color="green">{m.final}</Tag> : null}>
                {h.year}：{h.stars === null ? m.exempt : <Rate disabled value={h.stars} />}
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
