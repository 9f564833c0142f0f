/** A county's settings (系统设置) as TanStack Query hooks; types from the shared schemas. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  DeadlineChangesBody,
  DeadlineSettings as DeadlineSchema,
  WarningSettings as WarningSchema,
  WarningSettingsBody,
} from '../../../shared/schemas/settings.ts';
import { api } from '../../api/client.ts';
import { useLang } from '../../i18n/i18n.tsx';
import { warningQueries } from '../warnings/warnings-api.ts';

export type WarningSettings = Static<typeof WarningSchema>;
export type WarningValues = Static<typeof WarningSettingsBody>;
export type DeadlineSettings = Static<typeof DeadlineSchema>;
export type DeadlineChange = Static<typeof DeadlineChangesBody>['cells'][number];

const base = (county: string) => `/api/counties/${county}/settings`;

/** The settings' queries; a change reloads `all`. */
export const settingQueries = {
  all: (county: string) => ['settings', county] as const,
  warnings: (county: string) =>
    queryOptions({
      queryKey: [...settingQueries.all(county), 'warnings'] as const,
      queryFn: () => api.get<typeof WarningSchema>(`${base(county)}/warnings`),
    }),
  /** The table; its category labels come in the interface language, so a language switch asks again. */
  deadlines: (county: string, lang: string) =>
    queryOptions({
      queryKey: [...settingQueries.all(county), 'deadlines', lang] as const,
      queryFn: () => api.get<typeof DeadlineSchema>(`${base(county)}/problem-deadlines`),
    }),
};

export function useWarningSettings(county: string) {
  return useQuery(settingQueries.warnings(county));
}

export function useDeadlineSettings(county: string) {
  const { lang } = useLang();
  return useQuery(settingQueries.deadlines(county, lang));
}

/** After a change: the settings and the warning lists (which use the thresholds) reload. */
function useRefresh(county: string) {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: settingQueries.all(county) });
    await client.invalidateQueries({ queryKey: warningQueries.all(county) });
  };
}

export function useSaveWarnings(county: string) {
  const refresh = useRefresh(county);
  return useMutation({
    mutationFn: (values: WarningValues) => api.put<typeof WarningSchema>(`${base(county)}/warnings`, values),
    onSuccess: refresh,
  });
}

export function useResetWarnings(county: string) {
  const refresh = useRefresh(county);
  return useMutation({
    mutationFn: () => api.delete<typeof WarningSchema>(`${base(county)}/warnings`, undefined),
    onSuccess: refresh,
  });
}

export function useSaveDeadlines(county: string) {
  const refresh = useRefresh(county);
  return useMutation({
    mutationFn: (cells: DeadlineChange[]) =>
      api.put<typeof DeadlineSchema>(`${base(county)}/problem-deadlines`, { cells }),
    onSuccess: refresh,
  });
}
