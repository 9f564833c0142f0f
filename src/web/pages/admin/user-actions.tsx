/**
 * The actions on one row of the users page, each shown only when the server lists it in the user's
 * `allowedActions` (domain/access/user-admin.ts): reset the password, disable (confirmed: the user is signed out
 * everywhere) or enable, edit grants.
 */
import { Button, message, Popconfirm, Space } from 'antd';
import type { Static } from 'typebox';
import type { UserView } from '../../../shared/schemas/access.ts';
import { ApiError, api } from '../../api/client.ts';
import { authMessages } from '../../auth/auth-messages.ts';
import { useMessages } from '../../i18n/i18n.tsx';

export function UserActions(props: {
  county: string;
  user: Static<typeof UserView>;
  onChanged: () => void;
  onEditGrants: () => void;
}) {
  const m = useMessages(authMessages);
  const { user } = props;
  const url = `/api/counties/${props.county}/users/${user.id}`;
  const may = (action: Static<typeof UserView>['allowedActions'][number]) => user.allowedActions.includes(action);
  async function run(work: () => Promise<unknown>) {
    try {
      await work();
      void message.success(m.saved);
      props.onChanged();
    } catch (e) {
      void message.error(
        e instanceof ApiError ? [e.message, ...e.details.map((d) => d.message)].join('：') : String(e),
      );
    }
  }
  function reset() {
    const password = window.prompt(m.newPassword);
    if (password) void run(() => api.post(`${url}/password`, { password }));
  }
  return (
    <Space wrap size="small" className="user-actions">
      {may('password') && (
        <Popconfirm title={m.resetPassword} onConfirm={reset}>
          <Button size="small">{m.resetPassword}</Button>
        </Popconfirm>
      )}
      {may('grants') && (
        <Button size="small" onClick={props.onEditGrants}>
          {m.editGrants}
        </Button>
      )}
      {user.disabled
        ? may('enable') && (
            <Button size="small" onClick={() => void run(() => api.patch(url, { disabled: false }))}>
              {m.enable}
            </Button>
          )
        : may('disable') && (
            <Popconfirm title={m.confirmDisable} onConfirm={() => run(() => api.patch(url, { disabled: true }))}>
              <Button size="small" danger>
                {m.disable}
              </Button>
            </Popconfirm>
          )}
    </Space>
  );
}
