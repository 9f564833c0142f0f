/**
 * Choose an org unit from the county's tree (county → township → village → natural village), children loaded
 * on demand. Used as the scope selector on every page and as the place picker in forms.
 */
import { TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { type OrgLevel, useOrgUnit } from '../api/org-units.ts';
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
  const { nodes, load, reveal } = useOrgTree(county, countyUnit.data, (level) => !levels || levels.includes(level));

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
      onChange={(next: { value: string } | undefined) => onChange?.(next?.value ?? '')}
      treeDataSimpleMode
      treeData={treeData}
      loadData={(node) => load(String(node.value))}
      loading={countyUnit.isPending}
      placeholder={props.placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={[county]}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 16px)' } } }}
    />
  );
}
