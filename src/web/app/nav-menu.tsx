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
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
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
  { key: '/grids', icon: <AppstoreOutlined />, label: 'grids', permission: 'grid.read' },
  { key: '/grid-plans', icon: <ApartmentOutlined />, label: 'gridPlans', permission: 'grid.write' },
  { key: '/coverage', icon: <PieChartOutlined />, label: 'coverage', permission: 'grid.read' },
  { key: '/admin/users', icon: <SafetyOutlined />, label: 'users', permission: 'user.admin' },
  { key: '/audit', icon: <AuditOutlined />, label: 'audit', permission: 'audit.read' },
] as const;

/** The pairing work (结对帮扶) in one sub-menu, its entries without icons (the first screen's JS budget). */
const PAIRING_GROUP = 'pairing-work';
const PAIRING_ENTRIES = [
  { key: '/pairings', label: 'pairings', permission: 'pairing.read' },
  { key: '/pairing-suggestions', label: 'pairingSuggestions', permission: 'pairing.write' },
  { key: '/commitments', label: 'commitments', permission: 'pairing.read' },
  { key: '/exit-notices', label: 'exitNotices', permission: 'household.read' },
  { key: '/feedback', label: 'feedback', permission: 'pairing.write' },
] as const;
const PAIRING_KEYS: readonly string[] = PAIRING_ENTRIES.map((e) => e.key);

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
  const entry = (e: { key: string; label: keyof typeof labels; icon?: ReactNode }) => ({
    key: e.key,
    icon: e.icon,
    label: labels[e.label],
  });
  const top = ENTRIES.filter((e) => can(e.permission)).map(entry);
  const pairing = PAIRING_ENTRIES.filter((e) => can(e.permission)).map(entry);
  // The pairing work follows the grid entries, as one expandable entry.
  const at = top.findIndex((i) => i.key === '/admin/users' || i.key === '/audit');
  const split = at < 0 ? top.length : at;
  const group = { key: PAIRING_GROUP, icon: <HeartOutlined />, label: labels.pairingWork, children: pairing };
  const items: MenuProps['items'] = [
    ...top.slice(0, split),
    ...(pairing.length > 0 ? [group] : []),
    ...top.slice(split),
  ];
  const section = sectionOf(pathname);
  return (
    <Menu
      mode="inline"
      className="nav-menu"
      selectedKeys={[section]}
      defaultOpenKeys={PAIRING_KEYS.includes(section) ? [PAIRING_GROUP] : []}
      items={items}
      onClick={({ key }) => {
        navigate(href(key));
        onNavigate?.();
      }}
    />
  );
}
