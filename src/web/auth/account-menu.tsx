/** The header's account corner: name, roles with the units they cover (the user's scope), change password, sign out. */
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useIsPhone } from '../components/use-is-phone.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { authMessages } from './auth-messages.ts';
import { useMe, useSignOut } from './session.tsx';

// Loaded when first opened: its form and the shared password rule would otherwise weigh on every first screen.
const ChangePasswordDialog = lazy(() =>
  import('./change-password-dialog.tsx').then((module) => ({ default: module.ChangePasswordDialog })),
);

export function AccountMenu() {
  const m = useMessages(authMessages);
  const me = useMe().data;
  const signOut = useSignOut();
  const isPhone = useIsPhone();
  const [changing, setChanging] = useState(false);
  if (!me) return null;
  const scope = me.grants.map((g) => `${m.roles[g.role] ?? g.role} · ${g.orgName ?? g.orgCode}`).join('；');
  return (
    <span className="account-menu">
      {!isPhone && (
        <span className="account-scope" title={`${m.scope}: ${scope}`} data-testid="account-scope">
          {scope}
        </span>
      )}
      {me.isDemo && <Tag color="orange">{m.demo}</Tag>}
      <Dropdown
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: m.changePassword, onClick: () => setChanging(true) },
            { key: 'logout', icon: <LogoutOutlined />, label: m.logout, onClick: () => void signOut(false) },
            { key: 'all', label: m.logoutAll, onClick: () => void signOut(true) },
          ],
        }}
      >
        <Button type="text" icon={<UserOutlined />}>
          {me.displayName}
        </Button>
      </Dropdown>
      {changing && (
        <Suspense fallback={null}>
          <ChangePasswordDialog open onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </span>
  );
}
