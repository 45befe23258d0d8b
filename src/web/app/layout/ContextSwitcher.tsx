import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconChevronDown } from '../../components/ui/icons.js';
import { contextPath, type TContext } from '../../lib/contexts.js';

interface ContextSwitcherProps {
  contexts: TContext[];
  current: TContext;
  fullWidth?: boolean;
}

/** The current school (or city) with a menu of the person's other ones. */
export function ContextSwitcher({ contexts, current, fullWidth = false }: ContextSwitcherProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" width={320} shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          fullWidth={fullWidth}
          justify="space-between"
          rightSection={<IconChevronDown size={14} />}
          aria-label={`${t('header.switchContext')}: ${current.name}`}
          maw={fullWidth ? undefined : 320}
        >
          <Text span size="sm" fw={500} truncate="end">
            {current.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.switchContext')}</Menu.Label>
        {contexts.map((c) => (
          <Menu.Item
            key={`${c.kind}-${c.id}`}
            component={Link}
            to={contextPath(c)}
            bg={c === current ? 'var(--mantine-primary-color-light)' : undefined}
            aria-current={c === current ? 'page' : undefined}
          >
            <Text size="sm" fw={500}>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              {c.roles.map((r) => t(`roles.${r}`)).join(', ')}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/">
          {t('header.allContexts')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
