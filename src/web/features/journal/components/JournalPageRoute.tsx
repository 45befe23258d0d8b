import { useNumberParam } from '../../../lib/params.js';
import { JournalScreen } from './JournalScreen.js';

/** /s/:schoolId/journal/:pageId: one journal page. */
export function JournalPageRoute() {
  const schoolId = useNumberParam('schoolId');
  const pageId = useNumberParam('pageId');
  return <JournalScreen key={`${schoolId}:${pageId}`} schoolId={schoolId} pageId={pageId} />;
}
