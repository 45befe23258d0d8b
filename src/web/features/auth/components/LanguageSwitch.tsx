import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/auth.js';
import { applyLocale, currentLocale, type Locale } from '../../../lib/i18n/index.js';
import { useSetLocale } from '../api/set-locale.js';

/** Укр / Eng: switches the interface at once and, when signed in, saves it to the account. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const me = useMe();
  const saveLocale = useSetLocale();
  const change = (value: string) => {
    const locale = value as Locale;
    applyLocale(locale);
    if (me.data && me.data.locale !== locale) saveLocale.mutate(locale);
  };
  return (
    <SegmentedControl
      size={size}
      radius="md"
      aria-label={t('language.label')}
      value={currentLocale()}
      onChange={change}
      data={[
        { value: 'uk', label: t('language.uk') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
