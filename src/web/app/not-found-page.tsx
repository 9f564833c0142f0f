/** Any path the app does not know. */
import { Button, Result } from 'antd';
import { ScopedLink } from '../components/scoped-link.tsx';
import { useMessages } from '../i18n/i18n.tsx';
import { shellMessages } from './shell-messages.ts';

export default function NotFoundPage() {
  const m = useMessages(shellMessages);
  return (
    <Result
      status="404"
      title={m.notFoundTitle}
      extra={
        <ScopedLink to="/">
          <Button type="primary">{m.notFoundBack}</Button>
        </ScopedLink>
      }
    />
  );
}
