/** The scope selector shown above every page: choosing a unit sets `?scope=` and every list follows it. */

import { lazy, Suspense, useEffect, useState } from 'react';
import { useOrgUnit } from '../api/org-units.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { useScope } from '../scope/scope.tsx';
import { shellMessages } from './shell-messages.ts';

/**
 * Lazy: antd's TreeSelect (with rc-tree and its virtual list) is the biggest part of antd the shell would
 * otherwise need, and every page's first screen would download it. The header shows a look-alike first and
 * swaps in the real selector once the browser is idle after the first paint (no click needed).
 */
const OrgTreeSelect = lazy(() =>
  import('../components/org-tree-select.tsx').then((module) => ({ default: module.OrgTreeSelect })),
);

/** Waits for idle (bounded, so a busy page still gets its selector soon); Safari lacks requestIdleCallback. */
function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => setReady(true), 50);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(() => setReady(true), { timeout: 500 });
    return () => cancelIdleCallback(id);
  }, []);
  return ready;
}

export function ScopeSelector() {
  const { county, scope, setScope } = useScope();
  const m = useMessages(shellMessages);
  const ready = useAfterFirstPaint();
  // Same query as the real selector's label, so its name is already cached when the swap happens.
  const name = useOrgUnit(county, scope).data?.name;
  const placeholder = (
    <div className="scope-selector-input scope-selector-placeholder">
      <span className={name ? undefined : 'scope-selector-placeholder-hint'}>{name ?? m.scopePlaceholder}</span>
    </div>
  );
  return (
    <div className="scope-selector">
      <span className="scope-selector-label" aria-hidden>
        {m.scope}
      </span>
      <Suspense fallback={placeholder}>
        {ready ? (
          <OrgTreeSelect
            id="scope-selector"
            className="scope-selector-input"
            county={county}
            value={scope}
            onChange={(code) => setScope(code || county)}
            placeholder={m.scopePlaceholder}
            ariaLabel={m.scope}
          />
        ) : (
          placeholder
        )}
      </Suspense>
    </div>
  );
}
