/** The scope selector shown above every page: choosing a unit sets `?scope=` and every list follows it. */

import { OrgTreeSelect } from '../components/org-tree-select.tsx';
import { useMessages } from '../i18n/i18n.tsx';
import { useScope } from '../scope/scope.tsx';
import { shellMessages } from './shell-messages.ts';

export function ScopeSelector() {
  const { county, scope, setScope } = useScope();
  const m = useMessages(shellMessages);
  return (
    <div className="scope-selector">
      <span className="scope-selector-label" aria-hidden>
        {m.scope}
      </span>
      <OrgTreeSelect
        id="scope-selector"
        className="scope-selector-input"
        county={county}
        value={scope}
        onChange={(code) => setScope(code || county)}
        placeholder={m.scopePlaceholder}
        ariaLabel={m.scope}
      />
    </div>
  );
}
