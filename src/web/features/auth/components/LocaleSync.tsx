import { useEffect } from 'react';
import { useSignedInMe } from '../../../lib/auth.js';
import { applyLocale, storedLocale } from '../../../lib/i18n/index.js';
import { useSetLocale } from '../api/set-locale.js';

/**
 * Once per signed-in person: a language chosen on this device wins and is saved to the
 * account; with no choice on this device, the account's language is used.
 */
export function LocaleSync() {
  const me = useSignedInMe();
  const { mutate } = useSetLocale();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per person, not again when their locale is saved
  useEffect(() => {
    const chosen = storedLocale();
    if (!chosen) applyLocale(me.locale);
    else if (chosen !== me.locale) mutate(chosen);
  }, [me.userId]);
  return null;
}
