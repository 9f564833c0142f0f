/** The record's current consistency problems (national registry checks) as one warning. */
import { Alert } from 'antd';
import { useMessages } from '../../i18n/i18n.tsx';
import type { HouseholdDetail } from './household-api.ts';
import { householdMessages } from './household-messages.ts';

export function ViolationsAlert({ violations }: { violations: HouseholdDetail['violations'] }) {
  const m = useMessages(householdMessages);
  if (violations.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="violations"
      title={`${m.sections.violations} (${violations.length})`}
      description={
        <ul>
          {violations.map((v) => (
            <li key={`${v.code}:${v.path}`}>{v.message}</li>
          ))}
        </ul>
      }
    />
  );
}
