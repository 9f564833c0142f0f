/** The main menu (side bar on desktop, drawer on phones); entries keep the current scope, and show by permission. */
import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  HeartOutlined,
  HomeOutlined,
  PieChartOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { authMessages } from '../auth/auth-messages.ts';
import { useCan } from '../auth/session.tsx';
import { useScopedHref } from '../components/scoped-link.tsx';
import { useMessages } from '../i18n/i18n.tsx';
import { shellMessages } from './shell-messages.ts';

/**
 * Entries and the permission each needs (role-aware navigation; the server enforces the same). The pairing work
 * (结对帮扶: pairings, suggestions, commitments, exit notices, feedback) shares one icon: each icon costs the first
 * screen ~0.3 KB of its JS budget, and a sub-menu ~10 KB.
 */
const ENTRIES = [
  { key: '/', icon: <HomeOutlined />, label: 'dashboard', permission: 'dashboard.read' },
  { key: '/members', icon: <UserOutlined />, label: 'members', permission: 'member.read' },
  { key: '/households', icon: <TeamOutlined />, label: 'households', permission: 'household.read' },
  { key: '/exit-notices', icon: <HeartOutlined />, label: 'exitNotices', permission: 'household.read' },
  { key: '/grids', icon: <AppstoreOutlined />, label: 'grids', permission: 'grid.read' },
  { key: '/grid-plans', icon: <ApartmentOutlined />, label: 'gridPlans', permission: 'grid.write' },
  { key: '/coverage', icon: <PieChartOutlined />, label: 'coverage', permission: 'grid.read' },
  { key: '/feedback', icon: <HeartOutlined />, label: 'feedback', permission: 'pairing.write' },
  { key: '/commitments', icon: <HeartOutlined />, label: 'commitments', permission: 'pairing.read' },
  { key: '/pairings', icon: <HeartOutlined />, label: 'pairings', permission: 'pairing.read' },
  { key: '/pairing-suggestions', icon: <HeartOutlined />, label: 'pairingSuggestions', permission: 'pairing.write' },
  { key: '/problems', icon: <AuditOutlined />, label: 'problems', permission: 'household.read' },
  { key: '/admin/users', icon: <SafetyOutlined />, label: 'users', permission: 'user.admin' },
  { key: '/audit', icon: <AuditOutlined />, label: 'audit', permission: 'audit.read' },
] as const;

/** The menu key of a path: its first segment ("/members/12/edit" → "/members"). */
function sectionOf(pathname: string): string {
  const first = pathname.split('/')[1];
  if (first === 'party-groups') return '/grids';
  // Plaques are printed from a village's grid list or a pairing.
  if (first === 'plaques') return '/pairings';
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
