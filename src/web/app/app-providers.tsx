/**
 * Everything a page may rely on: language (persisted), Ant Design in that language (zh_CN by default, en_US on
 * request, dayjs month names too), and one TanStack Query client. Pages show toasts with antd's static `message`
 * (themed through ConfigProvider.config) rather than <App>, whose modal and notification code would otherwise
 * ride in the first-screen bundle.
 */
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider, type ThemeConfig } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { LangProvider, useLang } from '../i18n/i18n.tsx';

// TypeScript (NodeNext) reads antd's es/ folder as CommonJS and types the default import as the whole module,
// while Vite hands over the ES default export: accept either shape.
const unwrap = (m: unknown) => ((m as { default?: Locale }).default ?? m) as Locale;
const zhCN = unwrap(zhCNModule);
const enUS = unwrap(enUSModule);

const THEME: ThemeConfig = { token: { colorPrimary: '#c0392b', borderRadius: 6 } };
ConfigProvider.config({ theme: THEME });

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  const client = useQueryClient();
  const shown = useRef(lang);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    // Server-written text (reasons, error details) comes in the request's language: fetch it again on a switch.
    if (shown.current !== lang) void client.invalidateQueries();
    shown.current = lang;
  }, [lang, client]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [client] = useState(newQueryClient);
  return (
    <LangProvider>
      <QueryClientProvider client={client}>
        <LocalizedAntd>{children}</LocalizedAntd>
      </QueryClientProvider>
    </LangProvider>
  );
}
