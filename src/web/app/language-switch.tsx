/** 中文 / EN switch in the header; the choice persists (localStorage, see i18n.tsx). */
import { Segmented } from 'antd';
import { type Lang, useLang, useMessages } from '../i18n/i18n.tsx';
import { shellMessages } from './shell-messages.ts';

export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const m = useMessages(shellMessages);
  return (
    <Segmented<Lang>
      aria-label={m.language}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
