/**
 * One household's record (建档立卡): consistency warnings, the exit assessment and exit workflow (脱贫退出), its
 * fields and conditions, members, income by year against the poverty line, needs and status history.
 */
import { ArrowLeftOutlined, EditOutlined, HeartOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useParams } from 'react-router';
import { useCan } from '../../auth/session.tsx';
import { StatusTag } from '../../components/dict-tags.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { allows } from '../../components/record-actions.ts';
import { SavedNotice } from '../../components/saved-notice.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { HouseholdHelpers } from '../pairings/household-helpers.tsx';
import { HouseholdProblems } from '../problems/household-problems.tsx';
import { ExitAssessmentCard } from './exit-assessment-card.tsx';
import { type HouseholdDetail, useHousehold } from './household-api.ts';
import { StatusDialog } from './household-edit-dialogs.tsx';
import { householdEditMessages } from './household-edit-messages.ts';
import { HouseholdExitPanel } from './household-exit-panel.tsx';
import { HouseholdBasics, HouseholdConditions } from './household-facts.tsx';
import { HouseholdIncome } from './household-income.tsx';
import { householdMessages } from './household-messages.ts';
import { HouseholdMonitoring } from './household-monitoring.tsx';
import { HouseholdPersons } from './household-persons.tsx';
import { HouseholdHistory, HouseholdNeeds } from './household-timeline.tsx';
import './household-page.css';
import { ViolationsAlert } from './violations-alert.tsx';

const HelpTimeline = lazy(() => import('../help/household-help-timeline.tsx'));

function HouseholdRecord({ record }: { record: HouseholdDetail }) {
  const m = useMessages(householdMessages);
  const em = useMessages(householdEditMessages);
  const isPhone = useIsPhone();
  const [changingStatus, setChangingStatus] = useState(false);
  const { county } = useScope();
  const can = useCan();
  // Writes on the record itself follow the server's allowedActions (read-only roles get none).
  const editable = allows(record, 'household.write');
  const helpers = can('pairing.read') && <HouseholdHelpers county={county} householdId={record.id} />;
  const timeline = (
    <Suspense fallback={null}>
      <HelpTimeline county={county} householdId={record.id} />
    </Suspense>
  );
  const problems = (
    <HouseholdProblems
      county={county}
      householdId={record.id}
      canRaise={can('problem.raise', record.naturalVillageCode)}
    />
  );
  return (
    <>
      <div className="page-title">
        <Space wrap align="center">
          <Typography.Title level={2} className="household-head">
            {record.headName}
          </Typography.Title>
          <StatusTag kind="household_status" code={record.status} />
          <Typography.Text type="secondary">{record.registryNo}</Typography.Text>
        </Space>
        <Space wrap>
          <ScopedLink to="/households">
            <Button icon={<ArrowLeftOutlined />}>{m.back}</Button>
          </ScopedLink>
          {can('help.write', record.naturalVillageCode) && (
            <ScopedLink to={`/help/new?householdId=${record.id}`}>
              <Button icon={<HeartOutlined />}>{m.recordHelp}</Button>
            </ScopedLink>
          )}
          {editable && (
            <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)}>
              {em.changeStatus}
            </Button>
          )}
          {editable && (
            <ScopedLink to={`/households/${record.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />}>
                {m.edit}
              </Button>
            </ScopedLink>
          )}
        </Space>
      </div>
      <SavedNotice text={m.saved} />
      {changingStatus && (
        <StatusDialog householdId={record.id} current={record.status} onClose={() => setChangingStatus(false)} />
      )}
      <ViolationsAlert violations={record.violations} />
      {isPhone ? (
        // One column on phones, with the exit assessment right after the household's basics.
        <Space orientation="vertical" size={12} className="full-width">
          <HouseholdBasics record={record} />
          <ExitAssessmentCard record={record} />
          <HouseholdExitPanel record={record} />
          {helpers}
          {problems}
          <HouseholdPersons record={record} />
          <HouseholdIncome householdId={record.id} income={record.income} editable={editable} />
          <HouseholdNeeds householdId={record.id} needs={record.needs} editable={editable} />
          <HouseholdHistory history={record.statusHistory} />
          <HouseholdMonitoring record={record} editable={editable} />
          {timeline}
          <HouseholdConditions record={record} />
        </Space>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation="vertical" size={16} className="full-width">
              <HouseholdBasics record={record} />
              <HouseholdPersons record={record} />
              <HouseholdIncome householdId={record.id} income={record.income} editable={editable} />
              <HouseholdConditions record={record} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size={16} className="full-width">
              <ExitAssessmentCard record={record} />
              <HouseholdExitPanel record={record} />
              {helpers}
              {problems}
              <HouseholdNeeds householdId={record.id} needs={record.needs} editable={editable} />
              <HouseholdHistory history={record.statusHistory} />
              <HouseholdMonitoring record={record} editable={editable} />
              {timeline}
            </Space>
          </Col>
        </Row>
      )}
    </>
  );
}

export default function HouseholdPage() {
  const { county } = useScope();
  const id = Number(useParams().id);
  const household = useHousehold(county, id);
  return <QueryState query={household}>{(record) => <HouseholdRecord record={record} />}</QueryState>;
}
