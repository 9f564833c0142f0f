/**
 * A lazily loaded org tree for antd's TreeSelect (simple mode: flat nodes with parent ids). The county is the
 * root; children load when a node opens, and `reveal(path)` loads the ancestors of a chosen unit so a unit
 * picked on another visit shows in its place.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type OrgLevel, type OrgUnit, orgUnitQueries } from '../api/org-units.ts';

export interface OrgTreeNode {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
  level: OrgLevel;
}

function toNode(unit: OrgUnit, selectable: (level: OrgLevel) => boolean): OrgTreeNode {
  return {
    id: unit.code,
    pId: unit.parentCode,
    value: unit.code,
    title: unit.name,
    isLeaf: unit.level === 'natural_village' || unit.children === 0,
    selectable: selectable(unit.level),
    level: unit.level,
  };
}

/** Tree nodes of one county; `selectable` limits which levels may be chosen (all by default). */
export function useOrgTree(county: string, countyUnit: OrgUnit | undefined, selectable: (l: OrgLevel) => boolean) {
  const queryClient = useQueryClient();
  const [nodes, setNodes] = useState<OrgTreeNode[]>([]);
  const requested = useRef(new Set<string>());
  const selectableRef = useRef(selectable);

  const load = useCallback(
    async (parent: string) => {
      if (requested.current.has(parent)) return;
      requested.current.add(parent);
      try {
        const children = await queryClient.fetchQuery({
          ...orgUnitQueries.children(county, parent),
          staleTime: 5 * 60_000,
        });
        setNodes((prev) => {
          const known = new Set(prev.map((n) => n.id));
          const added = children.filter((c) => !known.has(c.code)).map((c) => toNode(c, selectableRef.current));
          return added.length ? [...prev, ...added] : prev;
        });
      } catch {
        requested.current.delete(parent); // let the next open retry
      }
    },
    [county, queryClient],
  );

  useEffect(() => {
    if (!countyUnit) return;
    setNodes((prev) =>
      prev.some((n) => n.id === countyUnit.code)
        ? prev
        : [{ ...toNode(countyUnit, selectableRef.current), pId: null }, ...prev],
    );
    void load(countyUnit.code);
  }, [countyUnit, load]);

  /** Loads every level above the unit with this dotted path. */
  const reveal = useCallback(
    async (path: string) => {
      for (const code of path.split('.').slice(0, -1)) await load(code);
    },
    [load],
  );

  /** Loads the branches holding these units (from a search), so the tree can show them in their places. */
  const revealAll = useCallback(
    async (units: OrgUnit[]) => {
      const parents = new Set(units.flatMap((u) => u.path.split('.').slice(0, -1)));
      // Parents before children: codes grow by level, so sorting by length keeps each branch in order.
      for (const code of [...parents].sort((a, b) => a.length - b.length || a.localeCompare(b))) await load(code);
    },
    [load],
  );

  return { nodes, load, reveal, revealAll };
}
