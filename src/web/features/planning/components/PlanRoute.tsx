import { useSearchParams } from 'react-router';
import { useNumberParam } from '../../../lib/params.js';
import { PlanScreen } from './PlanScreen.js';

/** /s/:schoolId/journal/:pageId/plan?semester=N: the calendar-thematic plan of a journal page. */
export function PlanRoute() {
  const schoolId = useNumberParam('schoolId');
  const pageId = useNumberParam('pageId');
  const [params] = useSearchParams();
  const semester = params.get('semester') === '2' ? 2 : 1;
  return <PlanScreen key={`${schoolId}:${pageId}:${semester}`} schoolId={schoolId} pageId={pageId} semester={semester} />;
}
