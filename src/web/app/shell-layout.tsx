/**
 * The frame of every page: header (product name, the demo date when the demo clock is on, language), menu (side bar on desktop, drawer on phones),
 * the scope selector, and the page itself loaded lazily with a skeleton while its chunk arrives.
 */
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Skeleton, Tag, Tooltip } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { AccountMenu } from '../auth/account-menu.tsx';
import { useMe } from '../auth/session.tsx';
import { ScopedLink } from '../components/scoped-link.tsx';
import { useIsPhone } from '../components/use-is-phone.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NavMenu } from './nav-menu.tsx';
import { PageErrorBoundary } from './page-error-boundary.tsx';
import { ScopeSelector } from './scope-selector.tsx';
import { shellMessages } from './shell-messages.ts';

export function ShellLayout() {
  const m = useMessages(shellMessages);
  const isPhone = useIsPhone();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const me = useMe();
  // Nothing of the app shows before the session is known; without one the API client has gone to /login.
  if (!me.data) return <Skeleton active className="shell-waiting" paragraph={{ rows: 6 }} />;
  return (
    <Layout className="shell">
      <Layout.Header className="shell-header no-print">
        {isPhone && (
          <Button type="text" aria-label={m.openMenu} icon={<MenuOutlined />} onClick={() => setMenuOpen(true)} />
        )}
        <ScopedLink to="/" className="shell-brand">
          {m.brand}
          {!isPhone && <span className="shell-tagline">{m.tagline}</span>}
        </ScopedLink>
        <span className="shell-spacer" />
        {me.data.demoClock && (
          <Tooltip title={m.demoDateHint}>
            <Tag color="gold" className="shell-demo-date">
              {isPhone ? me.data.today : m.demoDate(me.data.today)}
            </Tag>
          </Tooltip>
        )}
        {/* The one header item that gives way on a narrow screen: the name shortens, the rest keeps its size. */}
        <span className="shell-account">
          <AccountMenu />
        </span>
        <span className="shell-language">
          <LanguageSwitch />
        </span>
      </Layout.Header>
      <Layout>
        {isPhone ? (
          <Drawer placement="left" size={240} open={menuOpen} onClose={() => setMenuOpen(false)} title={m.brand}>
            <NavMenu onNavigate={() => setMenuOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider width={200} theme="light" className="shell-sider no-print">
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout.Content className="shell-content">
          <div className="shell-scope no-print">
            <ScopeSelector />
          </div>
          <PageErrorBoundary key={pathname}>
            <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
