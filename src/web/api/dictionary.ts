/**
 * Dictionary labels (code → 中文 / English) for screens and form options. All kinds arrive in one request,
 * fetched once per session and shared by every page (the lists are small and change only with a release).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { HOUSEHOLD_STATUS_LABELS } from '../../shared/labels/household.ts';
import type { Localized } from '../../shared/lang.ts';
import type { DictionaryEntries, DictionaryEntry } from '../../shared/schemas/dictionary.ts';
import { useLang } from '../i18n/i18n.tsx';
import { api } from './client.ts';

export type { DictionaryEntry };

export interface Dictionary {
  entries: DictionaryEntry[];
  /** The label of a code in the UI language; the code itself when unknown, '' for none. */
  label(code: string | null | undefined): string;
  /** Options for a Select, in display order. */
  options: { value: string; label: string }[];
  isPending: boolean;
  error: unknown;
}

/** The dictionary's one query: every entry, cached for the session. */
export const dictionaryQueries = {
  all: () =>
    queryOptions({
      queryKey: ['dictionaries'] as const,
      queryFn: () => api.get<typeof DictionaryEntries>('/api/dictionaries'),
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: Number.POSITIVE_INFINITY,
    }),
};

/** Every dictionary entry; cached for the session. */
export function useDictionaries() {
  return useQuery(dictionaryQueries.all());
}

/**
 * Kinds whose one home is a code list of src/shared/labels (the dictionary's rows hold the same, a unit test keeps
 * them equal): read from there, so the screens, the schemas and the server's messages name them alike.
 */
const SHARED_KINDS: Readonly<Record<string, Readonly<Record<string, Localized>>>> = {
  household_status: HOUSEHOLD_STATUS_LABELS,
};

function sharedEntries(kind: string): DictionaryEntry[] | undefined {
  const labels = SHARED_KINDS[kind];
  return labels && Object.entries(labels).map(([code, label]) => ({ kind, code, ...label }));
}

/** One kind of the dictionary ('cause', 'expertise', …) with labels in the current language. */
export function useDictionary(kind: string): Dictionary {
  const { lang } = useLang();
  const query = useDictionaries();
  const { data, isPending, error } = query;
  return useMemo(() => {
    const entries = sharedEntries(kind) ?? (data ?? []).filter((e) => e.kind === kind);
    const byCode = new Map(entries.map((e) => [e.code, e]));
    return {
      entries,
      label: (code) => (code ? (byCode.get(code)?.[lang] ?? code) : ''),
      options: entries.map((e) => ({ value: e.code, label: e[lang] })),
      isPending,
      error,
    };
  }, [data, isPending, error, kind, lang]);
}
