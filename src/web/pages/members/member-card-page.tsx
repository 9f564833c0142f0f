/** One member's information card (党员信息卡), with edit and print. */
import { ArrowLeftOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useCan } from '../../auth/session.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { allows } from '../../components/record-actions.ts';
import { SavedNotice } from '../../components/saved-notice.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { MemberStars } from '../assessment/member-stars.tsx';
import { MemberCommitments } from '../commitments/member-commitments.tsx';
import { MemberPairings } from '../pairings/member-pairings.tsx';
import { useMemberCard } from './member-api.ts';
import { MemberCardSheet } from './member-card-sheet.tsx';
import { memberMessages } from './member-messages.ts';

export default function MemberCardPage() {
  const m = useMessages(memberMessages);
  const { county } = useScope();
  const id = Number(useParams().id);
  const card = useMemberCard(county, id);
  const can = useCan();
  return (
    <QueryState query={card}>
      {(data) => (
        <>
          <div className="page-title no-print">
            <Typography.Title level={2}>{data.name}</Typography.Title>
            <Space wrap>
              <ScopedLink to="/members">
                <Button icon={<ArrowLeftOutlined />}>{m.back}</Button>
              </ScopedLink>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                {m.print}
              </Button>
              {allows(data, 'member.write') && (
                <ScopedLink to={`/members/${data.id}/edit`}>
                  <Button type="primary" icon={<EditOutlined />}>
                    {m.edit}
                  </Button>
                </ScopedLink>
              )}
            </Space>
          </div>
          <SavedNotice text={m.saved} />
          {can('pairing.read') && <MemberPairings county={county} memberId={data.id} />}
          <MemberCardSheet card={data} />
          <MemberCommitments county={county} memberId={data.id} unit={data.naturalVillageCode} />
          <MemberStars county={county} memberId={data.id} unit={data.naturalVillageCode} />
        </>
      )}
    </QueryState>
  );
}
