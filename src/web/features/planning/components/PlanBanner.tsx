import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInMe } from '../../../lib/auth.js';
import { useAfterPaint } from '../../../lib/use-after-paint.js';
import { membershipIn } from '../../../lib/contexts.js';
import { usePlan } from '../api/get-plan.js';
import { useAgreementText } from './AgreementNote.js';

/**
 * For the journal screen: the «План (КТП)» button and, when the page has a plan that disagrees
 * with the calendar, one line saying where. Shown to the page's teacher, head, controller, administrator.
 */
export function PlanBanner({ schoolId, pageId, semester, isTeacher }: { schoolId: number; pageId: number; semester: number; isTeacher: boolean }) {
  const { t } = useTranslation();
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const mayRead = isTeacher || roles.some((r) => r === 'head' || r === 'controller' || r === 'admin');
  // asked for once the journal grid has been painted: only a disagreement note comes of it
  const painted = useAfterPaint();
  const plan = usePlan(schoolId, pageId, semester, mayRead && painted);
  const text = useAgreementText();
  if (!mayRead) return null;
  const a = plan.data?.exists ? plan.data.agreement : null;
  const disagrees = !!a && (a.hoursWithoutLesson > 0 || a.lessonsWithoutPlan > 0);
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      {disagrees && (
        <Alert color="yellow" variant="light" py={4} px="sm" style={{ flex: 1 }} data-testid="plan-disagreement">
          <Text size="sm">{text(a)}</Text>
        </Alert>
      )}
      <Button component={Link} to={`/s/${schoolId}/journal/${pageId}/plan?semester=${semester}`} size="compact-md" variant="light" style={{ flexShrink: 0 }}>
        {t('planning.button')}
      </Button>
    </Group>
  );
}
