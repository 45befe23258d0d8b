import { Anchor, AppShell, Box, Burger, Container, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { ProductMark } from '../../components/ui/ProductMark.js';
import { LanguageSwitch } from '../../features/auth/components/LanguageSwitch.js';
import { LocaleSync } from '../../features/auth/components/LocaleSync.js';
import { UserMenu } from '../../features/auth/components/UserMenu.js';
import { useSignedInMe } from '../../lib/auth.js';
import { contextOfPath, contextsOf } from '../../lib/contexts.js';
import { ContextSwitcher } from './ContextSwitcher.js';
import { NavLinks } from './NavLinks.js';

/** Header (product, context, language, account) and, inside a school or city, the section list. */
export function AppLayout() {
  const { t } = useTranslation();
  const contexts = contextsOf(useSignedInMe());
  const { pathname } = useLocation();
  const current = contextOfPath(contexts, pathname);
  const [navOpened, nav] = useDisclosure(false);
  const switchable = current && contexts.length > 1;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a phone's drawer closes whenever the address changes
  useEffect(() => nav.close(), [pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={current ? { width: 264, breakpoint: 'sm', collapsed: { mobile: !navOpened } } : undefined}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <LocaleSync />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap" miw={0}>
            {current && <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('header.openMenu')} />}
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Group gap={10} wrap="nowrap">
                <ProductMark />
                <Text fw={700} size="lg">
                  {t('app.name')}
                </Text>
              </Group>
            </Anchor>
            {switchable && (
              <Box visibleFrom="sm" miw={0}>
                <ContextSwitcher contexts={contexts} current={current} />
              </Box>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {current && (
        <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
          {switchable && (
            <Box hiddenFrom="sm" mb="sm">
              <ContextSwitcher contexts={contexts} current={current} fullWidth />
            </Box>
          )}
          <AppShell.Section grow component={ScrollArea}>
            <NavLinks context={current} />
          </AppShell.Section>
        </AppShell.Navbar>
      )}
      <AppShell.Main bg="gray.0">
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
