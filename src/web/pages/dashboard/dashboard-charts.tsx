/**
 * The figure charts of a scope: households by status and by main cause, income against the poverty line,
 * members by expertise and willingness, and grid/pairing coverage. Labels come from the dictionary.
 */
import { Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import type { DashboardBody } from '../../../shared/schemas/dashboard.ts';
import { useDictionary } from '../../api/dictionary.ts';
import { COLORS, formatCount, type LabelledCount } from '../../charts/chart-option.ts';
import { coverageChartOption } from '../../charts/coverage-chart.ts';
import { EChart } from '../../charts/echart.tsx';
import { incomeChartOption } from '../../charts/income-chart.ts';
import { rankedBarHeight, rankedBarOption } from '../../charts/ranked-bar-chart.ts';
import { statusChartOption } from '../../charts/status-chart.ts';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useLang } from '../../i18n/i18n.tsx';
import { ChartCard } from './chart-card.tsx';
import type { DashboardMessages } from './dashboard-messages.ts';

type CodeCount = { code: string; count: number };

/** Codes with their dictionary labels (the code itself until the dictionary has loaded). */
function useLabelled(kind: string, items: readonly CodeCount[]): LabelledCount[] {
  const { label } = useDictionary(kind);
  return useMemo(() => items.map((i) => ({ ...i, label: label(i.code) })), [items, label]);
}

const half = { xs: 24, lg: 12, xxl: 8 } as const;

function IncomeCard({ data, m }: { data: DashboardBody; m: DashboardMessages }) {
  const { lang } = useLang();
  const { year, povertyLine, bins, missing } = data.income;
  const option = useMemo(() => incomeChartOption(bins, { seriesName: m.charts.households }), [bins, m]);
  const note =
    year !== null && povertyLine !== null
      ? `${m.charts.incomeLine(formatCount(povertyLine, lang), year)}${missing > 0 ? m.charts.incomeMissing(missing) : ''}`
      : m.charts.noIncome;
  return (
    <ChartCard title={m.charts.income} note={note}>
      <EChart option={option} height={240} ariaLabel={m.charts.income} testId="chart-income" />
    </ChartCard>
  );
}

export function DashboardCharts({ data, m }: { data: DashboardBody; m: DashboardMessages }) {
  const isPhone = useIsPhone();
  const statuses = useLabelled('household_status', data.householdsByStatus);
  const causes = useLabelled('cause', data.householdsByCause);
  const expertise = useLabelled('expertise', data.membersByExpertise);
  const willingness = useLabelled('willingness', data.membersByWillingness);
  const options = useMemo(
    () => ({
      status: statusChartOption(statuses, { compact: isPhone }),
      cause: rankedBarOption(causes, { color: COLORS.primary, seriesName: m.charts.households }),
      expertise: rankedBarOption(expertise, { color: COLORS.members, seriesName: m.charts.members }),
      willingness: rankedBarOption(willingness, { color: COLORS.willingness, seriesName: m.charts.members }),
      coverage: coverageChartOption([
        { label: m.coverage.membersInGrid, part: data.coverage.membersInGrid, whole: data.coverage.members },
        { label: m.coverage.householdsPaired, part: data.coverage.householdsPaired, whole: data.coverage.households },
      ]),
    }),
    [statuses, causes, expertise, willingness, isPhone, m, data.coverage],
  );
  const bars = (title: string, items: LabelledCount[], option: typeof options.cause, testId: string) => (
    <Col {...half}>
      <ChartCard title={title}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <EChart option={option} height={rankedBarHeight(items.length)} ariaLabel={title} testId={testId} />
        )}
      </ChartCard>
    </Col>
  );
  return (
    <Row gutter={[12, 12]}>
      <Col {...half}>
        <ChartCard title={m.charts.status}>
          <EChart option={options.status} height={260} ariaLabel={m.charts.status} testId="chart-status" />
        </ChartCard>
      </Col>
      <Col {...half}>
        <IncomeCard data={data} m={m} />
      </Col>
      <Col {...half}>
        <ChartCard
          title={m.charts.coverage}
          note={m.charts.coverageCounts(data.coverage.grids, data.coverage.partyGroups)}
        >
          <EChart option={options.coverage} height={140} ariaLabel={m.charts.coverage} testId="chart-coverage" />
        </ChartCard>
      </Col>
      {bars(m.charts.cause, causes, options.cause, 'chart-cause')}
      {bars(m.charts.expertise, expertise, options.expertise, 'chart-expertise')}
      {bars(m.charts.willingness, willingness, options.willingness, 'chart-willingness')}
    </Row>
  );
}
