/**
 * Every action the server writes to the audit trail has a label. The actions are collected from the source:
 * every dotted string literal in src/services and src/http (minus the few kinds that are not actions, below),
 * and every template literal `prefix.${…}` expanded by the values its code can take.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../domain/access/roles.ts';
import { USER_ACTIONS } from '../domain/access/user-admin.ts';
import { ACTIONS as PROBLEM_ACTIONS } from '../domain/escalation.ts';
import { AUDIT_ACTION_LABELS, AUDIT_TABLE_LABELS } from './audit-labels.ts';

const ROOTS = ['src/services', 'src/http'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const sources = ROOTS.flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Dotted literals that are not actions: permission codes, SQL column refs, file names, paths in objects. */
const NOT_ACTIONS = new Set<string>([...PERMISSIONS, 'audit_head.seq']);
const NOT_ACTION_PATTERNS = [
  /^[a-z]{1,3}\.[a-z_]+$/, // SQL `alias.column`
  /\.(csv|html|json|js|ts)$/, // file names
  /^(income\.items|excluded\.|req\.)/, // paths into a request or a problem list
];
const isNotAction = (s: string) => NOT_ACTIONS.has(s) || NOT_ACTION_PATTERNS.some((p) => p.test(s));

/** What each `prefix.${…}` template in an auditing service can become (the decisions its schema allows). */
const TEMPLATES: Record<string, readonly string[]> = {
  user: USER_ACTIONS.filter((a) => ['update', 'disable', 'enable'].includes(a)),
  feedback: ['approve', 'reject'],
  help_record: ['verify', 'return'],
  record_flag: ['clear', 'uphold'],
  problem: PROBLEM_ACTIONS,
};

function writtenActions(): { literal: Set<string>; templates: Set<string> } {
  const literal = new Set<string>();
  const templates = new Set<string>();
  for (const { text } of sources) {
    for (const [, s] of text.matchAll(/'([a-z][a-z_]*(?:\.[a-z][a-z_]*)+)'/g)) if (s && !isNotAction(s)) literal.add(s);
    for (const [, prefix] of text.matchAll(/action: `([a-z_]+)\.\$\{/g)) if (prefix) templates.add(prefix);
  }
  return { literal, templates };
}

describe('audit labels', () => {
  const { literal, templates } = writtenActions();

  it('finds the actions the server writes (the collector works)', () => {
    expect(literal).toContain('auth.login');
    expect(literal).toContain('auth.login_failed');
    expect(literal).toContain('party_group.leader');
    expect(literal.size).toBeGreaterThan(50);
  });

  it('labels every literal action written to the audit log', () => {
    expect([...literal].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
  });

  it('knows every templated action and labels each value it can take', () => {
    expect([...templates].filter((p) => !TEMPLATES[p])).toEqual([]);
    const expanded = [...templates].flatMap((p) => (TEMPLATES[p] ?? []).map((v) => `${p}.${v}`));
    expect(expanded).toContain('user.disable');
    expect(expanded.filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
  });

  it('labels every table an entry points at', () => {
    const tables = new Set(sources.flatMap(({ text }) => [...text.matchAll(/table: '([a-z_]+)'/g)].map((m) => m[1])));
    expect([...tables].filter((t) => t !== undefined && !AUDIT_TABLE_LABELS[t])).toEqual([]);
  });

  it('has both languages for every label', () => {
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label.zh && label.en).toBeTruthy();
  });
});
