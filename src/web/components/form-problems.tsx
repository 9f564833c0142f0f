/** The alert above a form after a failed save: the server's message, problems not tied to a field, request ID. */
import { Alert } from 'antd';
import type { ApiFieldProblem } from '../api/client.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { componentMessages } from './components-messages.ts';
import { RequestId, useErrorText } from './query-state.tsx';

export function FormProblems({ error, unplaced }: { error: unknown; unplaced: ApiFieldProblem[] }) {
  const m = useMessages(componentMessages);
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="form-problems"
      title={`${m.saveFailed}: ${errorText(error)}`}
      description={
        <>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((p) => (
                <li key={`${p.path}:${p.code}`}>{p.path ? `${p.path}: ${p.message}` : p.message}</li>
              ))}
            </ul>
          )}
          <RequestId error={error} />
        </>
      }
    />
  );
}
