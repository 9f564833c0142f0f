/** The main menu (side bar on desktop, drawer on phones); entries keep the current scope, and show by permission. */
import {
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BulbOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FlagOutlined,
  FormOutlined,
  HeartOutlined,
  HomeOutlined,
  MessageOutlined,
  NotificationOutlined,
  PieChartOutlined,
  SafetyOutlined,
  SettingOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { authMessages } from '../auth/auth-messages.ts';
import { useCan } from '../auth/session.tsx';
import { useScopedHref } from '../components/scoped-link.tsx';
import { useMessages } from '../i18n/i18n.tsx';
import { shellMessages } from './shell-messages.ts';

/** Entries and the permission each needs (role-aware navigation; the server enforces the same). */
const ENTRIES = [
  { key: '/', icon: <HomeOutlined />, label: 'dashboard', permission: 'dashboard.read' },
  { key: '/members', icon: <UserOutlined />, label: 'members', permission: 'member.read' },
  { key: '/households', icon: <TeamOutlined />, label: 'households', permission: 'household.read' },
  { key: '/exit-notices', icon: <NotificationOutlined />, label: 'exitNotices', permission: 'household.read' },
  { key: '/grids', icon: <AppstoreOutlined />, label: 'grids', permission: 'grid.read' },
  { key: '/grid-plans', icon: <ApartmentOutlined />, label: 'gridPlans', permission: 'grid.write' },
  { key: '/coverage', icon: <PieChartOutlined />, label: 'coverage', permission: 'grid.read' },
  { key: '/pairings', icon: <HeartOutlined />, label: 'pairings', permission: 'pairing.read' },
  { key: '/pairing-suggestions', icon: <BulbOutlined />, label: 'pairingSuggestions', permission: 'pairing.write' },
  { key: '/commitments', icon: <FlagOutlined />, label: 'commitments', permission: 'pairing.read' },
  { key: '/stars', icon: <StarOutlined />, label: 'stars', permission: 'party.read' },
  { key: '/my-points', icon: <TrophyOutlined />, label: 'myPoints', permission: 'party.read' },
  { key: '/help/new', icon: <FormOutlined />, label: 'helpRecord', permission: 'help.write' },
  { key: '/help/verify', icon: <CheckSquareOutlined />, label: 'helpVerify', permission: 'help.verify' },
  { key: '/activities', icon: <CalendarOutlined />, label: 'activities', permission: 'party.read' },
  { key: '/problems', icon: <AlertOutlined />, label: 'problems', permission: 'household.read' },
  { key: '/problems/warnings', icon: <WarningOutlined />, label: 'warnings', permission: 'household.read' },
  { key: '/feedback', icon: <MessageOutlined />, label: 'feedback', permission: 'pairing.write' },
  { key: '/admin/users', icon: <SafetyOutlined />, label: 'users', permission: 'user.admin' },
  { key: '/audit', icon: <AuditOutlined />, label: 'audit', permission: 'audit.read' },
  { key: '/settings', icon: <SettingOutlined />, label: 'settings', permission: 'settings.write' },
] as const;

/** The menu key of a path: its first segment ("/members/12/edit" → "/members"). */
function sectionOf(pathname: string): string {
  const first = pathname.split('/')[1];
  if (first === 'party-groups') return '/grids';
  if (first === 'activity-sign-in') return '/activities';
  // Plaques are printed from a village's grid list or a pairing.
  if (first === 'plaques') return '/pairings';
  if (pathname.startsWith('/help/verify')) return '/help/verify';
  if (first === 'help') return '/help/new';
  if (pathname.startsWith('/problems/warnings')) return '/problems/warnings';
  return first ? `/${first}` : '/';
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const m = useMessages(shellMessages);
  const a = useMessages(authMessages);
  const href = useScopedHref();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const can = useCan();
  const labels = { ...m.menu, ...a.menu };
  return (
    <Menu
      mode="inline"
      className="nav-menu"
      selectedKeys={[sectionOf(pathname)]}
      items={ENTRIES.filter((e) => can(e.permission)).map((e) => ({
        key: e.key,
        icon: e.icon,
        label: labels[e.label],
      }))}
      onClick={({ key }) => {
        navigate(href(key));
        onNavigate?.();
      }}
    />
  );
}
