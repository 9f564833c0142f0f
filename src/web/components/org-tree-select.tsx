/**
 * Choose an org unit from the county's tree (county → township → village → natural village), children loaded
 * on demand. Used as the scope selector on every page and as the place picker in forms. Typing searches the
 * whole county on the server (not only the branches opened so far) and opens the branches of what it finds.
 * While a search is typed every loaded branch is shown open: the tree component opens only the branches known
 * when the text changed, so the branches the server search loads afterwards stayed closed and typing a natural
 * village's name seemed to find nothing.
 */
import { TreeSelect } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type OrgLevel, searchOrgUnits, useOrgUnit } from '../api/org-units.ts';
import { useOrgTree } from './use-org-tree.ts';

export interface OrgTreeSelectProps {
  county: string;
  /** Given by the caller or by the enclosing Form.Item. */
  value?: string | undefined;
  onChange?(code: string): void;
  /** Levels that may be chosen (all when omitted); others only open. */
  levels?: OrgLevel[];
  placeholder?: string;
  id?: string;
  className?: string;
  status?: 'error' | 'warning';
  allowClear?: boolean;
  ariaLabel?: string;
}

export function OrgTreeSelect(props: OrgTreeSelectProps) {
  const { county, value, onChange, levels } = props;
  const countyUnit = useOrgUnit(county, county);
  const selected = useOrgUnit(county, value);
  const { nodes, load, reveal, revealAll } = useOrgTree(
    county,
    countyUnit.data,
    (level) => !levels || levels.includes(level),
  );
  const [searching, setSearching] = useState(false);
  const [searchText, setSearchText] = useState('');
  const [expanded, setExpanded] = useState<string[]>([county]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  /** Debounced: after a pause in typing, find the units anywhere in the county and load their branches. */
  const onSearch = (text: string) => {
    setSearchText(text);
    clearTimeout(timer.current);
    const q = text.trim();
    if (!q) return;
    timer.current = setTimeout(() => {
      setSearching(true);
      void searchOrgUnits(county, q)
        .then(revealAll)
        .catch(() => undefined) // the loaded branches are still searched locally
        .finally(() => setSearching(false));
    }, 250);
  };

  const path = selected.data?.path;
  useEffect(() => {
    if (path) void reveal(path);
  }, [path, reveal]);

  // A node whose parent has not loaded yet would show as a root (simple mode); keep it back until it has one.
  const treeData = useMemo(() => {
    const ids = new Set(nodes.map((n) => n.id));
    return nodes.filter((n) => n.pId === null || ids.has(n.pId));
  }, [nodes]);

  // With labelInValue the chosen unit shows its name even before its branch of the tree has loaded.
  const labelled = value ? { value, label: selected.data?.name ?? value } : undefined;
  return (
    <TreeSelect
      id={props.id}
      aria-label={props.ariaLabel}
      className={props.className}
      status={props.status}
      allowClear={props.allowClear}
      labelInValue
      value={labelled}
      onChange={(next: { value: string } | undefined) => {
        setSearchText('');
        onChange?.(next?.value ?? '');
      }}
      treeDataSimpleMode
      treeData={treeData}
      loadData={(node) => load(String(node.value))}
      loading={countyUnit.isPending || searching}
      placeholder={props.placeholder}
      showSearch={{ treeNodeFilterProp: 'title', onSearch }}
      treeExpandedKeys={searchText.trim() ? treeData.map((n) => n.id) : expanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 16px)' } } }}
    />
  );
}
