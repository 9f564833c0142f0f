/** The main menu (side bar on desktop, drawer on phones); entries keep the current scope. */
import {
  ApartmentOutlined,
  AppstoreOutlined,
  HomeOutlined,
  PieChartOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useScopedHref } from '../components/scoped-link.tsx';
import { useMessages } from '../i18n/i18n.tsx';
import { shellMessages } from './shell-messages.ts';

const ENTRIES = [
  { key: '/', icon: <HomeOutlined />, label: 'dashboard' },
  { key: '/members', icon: <UserOutlined />, label: 'members' },
  { key: '/households', icon: <TeamOutlined />, label: 'households' },
  { key: '/grids', icon: <AppstoreOutlined />, label: 'grids' },
  { key: '/grid-plans', icon: <ApartmentOutlined />, label: 'gridPlans' },
  { key: '/coverage', icon: <PieChartOutlined />, label: 'coverage' },
] as const;

/** The menu key of a path: its first segment ("/members/12/edit" → "/members"). */
function sectionOf(pathname: string): string {
  const first = pathname.split('/')[1];
  if (first === 'party-groups') return '/grids';
  return first ? `/${first}` : '/';
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const m = useMessages(shellMessages);
  const href = useScopedHref();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Menu
      mode="inline"
      className="nav-menu"
      selectedKeys={[sectionOf(pathname)]}
      items={ENTRIES.map((e) => ({ key: e.key, icon: e.icon, label: m.menu[e.label] }))}
      onClick={({ key }) => {
        navigate(href(key));
        onNavigate?.();
      }}
    />
  );
}
