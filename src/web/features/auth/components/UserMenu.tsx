import { Avatar, Box, Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IconChevronDown, IconKey, IconLogout } from '../../../components/ui/icons.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { useLogout } from '../api/logout.js';
import { ChangePasswordModal } from './ChangePasswordModal.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** The person's name with "Змінити пароль" and "Вийти". */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const signOut = useLogout();
  const [passwordOpened, password] = useDisclosure(false);
  const shortName = me.fullName.split(/\s+/).slice(0, 2).join(' ');

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            px="xs"
            aria-label={`${t('header.account')}: ${me.fullName}`}
            leftSection={<Avatar size={28} radius="xl" color="initials" name={me.fullName} />}
            rightSection={<IconChevronDown size={14} />}
          >
            <Text size="sm" fw={500} visibleFrom="md">
              {shortName}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me.fullName}</Menu.Label>
          <Box hiddenFrom="sm" px="sm" py={6}>
            <LanguageSwitch size="sm" />
          </Box>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={password.open}>
            {t('header.changePassword')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} />}
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
          >
            {t('header.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={password.close} />
    </>
  );
}
