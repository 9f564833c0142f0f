/**
 * The scope's headline numbers. Each value carries a data-testid and its raw number in data-value, so tests and
 * the budgets bench compare the screen with the API without parsing formatted text.
 */
import { Card, Col, Row, Statistic } from 'antd';
import type { DashboardBody } from '../../../shared/schemas/dashboard.ts';
import { formatCount } from '../../charts/chart-option.ts';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useLang } from '../../i18n/i18n.tsx';
import type { DashboardMessages } from './dashboard-messages.ts';

type Totals = DashboardBody['totals'];
const KEYS = ['households', 'poor', 'exited', 'monitored', 'members', 'perCapitaMean'] as const;
const COLOURS: Partial<Record<(typeof KEYS)[number], string>> = { poor: '#cf1322', exited: '#389e0d' };

export function StatCards({ totals, m }: { totals: Totals; m: DashboardMessages }) {
  const { lang } = useLang();
  // Slightly smaller numbers on phones so two cards fit side by side at 360 px.
  const fontSize = useIsPhone() ? 18 : 22;
  return (
    <Row gutter={[12, 12]} className="dashboard-cards">
      {KEYS.map((key) => {
        const value = totals[key];
        const text = value === null ? '—' : formatCount(value, lang);
        return (
          <Col key={key} xs={12} sm={8} xl={4}>
            <Card size="small">
              <div data-testid={`stat-${key}`} data-value={value ?? ''}>
                <Statistic
                  title={m.cards[key]}
                  value={key === 'perCapitaMean' && value !== null ? m.yuan(text) : text}
                  styles={{ content: { color: COLOURS[key], fontSize } }}
                />
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
