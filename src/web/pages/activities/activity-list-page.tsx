/**
 * /activities — organisational life of the selected scope: the activities (kind, status and period filters, paged,
 * sorted), and with `groupId` the group's yearly plan and a button to plan an activity. Links to the compliance
 * view and the member's own list.
 */
import { Button, Space, Typography } from 'antd';
import { usePagedList } from '../../api/paged-list.ts';
import { businessYear } from '../../auth/business-clock.ts';
import { useCan } from '../../auth/session.tsx';
import { FilterBar, FilterSelect, optionsOf } from '../../components/filter-bar.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { activityQueries } from './activity-api.ts';
import { ActivityCard, activityColumns } from './activity-columns.tsx';
import { activityMessages } from './activity-messages.ts';
import { GroupPlanCard } from './group-plan-card.tsx';
import './activities.css';

const KEYS = ['kind', 'status', 'groupId', 'year', 'sort'] as const;

export default function ActivityListPage() {
  const m = useMessages(activityMessages);
  const can = useCan();
  const { county, scope, values, update, base, paging } = useListQuery(KEYS);
  const groupId = values.groupId ? Number(values.groupId) : undefined;
  const year = values.year ? Number(values.year) : businessYear();
  const query = { ...base, q: undefined, kind: values.kind, status: values.status, groupId };
  const list = usePagedList(activityQueries.list(county, query));
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.title}</Typography.Title>
        <Space wrap>
          <ScopedLink to="/activities/compliance">
            <Button>{m.compliance}</Button>
          </ScopedLink>
          <ScopedLink to="/activities/mine">
            <Button>{m.mine}</Button>
          </ScopedLink>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      {groupId !== undefined && (
        <GroupPlanCard
          county={county}
          scope={scope}
          groupId={groupId}
          year={year}
          canPlan={can('party.write')}
          onYear={(y) => update({ year: y })}
          m={m}
        />
      )}
      <FilterBar active={[values.kind, values.status].filter(Boolean).length} search={null}>
        <FilterSelect
          label={m.allKinds}
          value={values.kind}
          options={optionsOf(m.kinds)}
          onChange={(kind) => update({ kind })}
        />
        <FilterSelect
          label={m.allStatuses}
          value={values.status}
          options={optionsOf(m.statuses)}
          onChange={(status) => update({ status })}
        />
      </FilterBar>
      <PagedList
        list={list}
        {...paging}
        columns={activityColumns(m)}
        renderCard={(row) => <ActivityCard row={row} m={m} />}
        emptyHint={m.empty}
        testId="activity-list"
      />
    </>
  );
}
