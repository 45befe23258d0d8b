import type { TAnnouncement, TAnnouncementBody, TInbox, TInboxItem, TNotificationSettings, TReceipts } from '../../../shared/api/notices.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import * as repo from './announcements.repo.js';
import { DEFAULT_PREFS } from './notify.js';
import * as settingsRepo from './settings.repo.js';

const collator = new Intl.Collator('uk');

function leadsSchool(principal: TPrincipal, schoolId: number): boolean {
  return !!membershipOf(principal, schoolId)?.roles.some((r) => r === 'head' || r === 'admin');
}

function withShare(a: Omit<TAnnouncement, 'share'> & { authorId?: number }): TAnnouncement {
  const { authorId: _author, ...rest } = a;
  return { ...rest, share: a.recipients ? Math.round((a.read / a.recipients) * 1000) / 1000 : 0 };
}

/** What a class teacher sees of the school's announcements: their classes' and their own. */
function visibility(principal: TPrincipal, ctx: TenantContext) {
  return leadsSchool(principal, ctx.schoolId) ? null : { classIds: membershipOf(principal, ctx.schoolId)?.classIds ?? [], authorId: ctx.userId };
}

/**
 * Publishes an announcement: the head and the administrator to the school, a grade or a class;
 * a class teacher only to a class they lead. E-mails follow from the notification job.
 */
export async function createAnnouncement(db: Database, ctx: TenantContext, principal: TPrincipal, body: TAnnouncementBody): Promise<TAnnouncement> {
  const lead = leadsSchool(principal, ctx.schoolId);
  if (!lead && (body.audience !== 'class' || !membershipOf(principal, ctx.schoolId)?.classIds.includes(body.classId!))) throw new AppError('forbidden');
  return withSchool(db, ctx, async (c) => {
    if (body.audience === 'class' && !(await repo.openClass(c, ctx.schoolId, body.classId!))) throw new AppError('not_found');
    const id = await repo.insertAnnouncement(c, {
      schoolId: ctx.schoolId,
      authorId: ctx.userId,
      audience: body.audience,
      grade: body.audience === 'grade' ? body.grade! : null,
      classId: body.audience === 'class' ? body.classId! : null,
      title: body.title,
      body: body.body,
    });
    return withShare((await repo.listAnnouncements(c, ctx.schoolId, null, id))[0]);
  });
}

export async function listAnnouncements(db: Database, ctx: TenantContext, principal: TPrincipal): Promise<TAnnouncement[]> {
  return withSchool(db, ctx, async (c) => (await repo.listAnnouncements(c, ctx.schoolId, visibility(principal, ctx))).map(withShare));
}

/** Who an announcement reaches and who has read it. */
export async function announcementReceipts(db: Database, ctx: TenantContext, principal: TPrincipal, id: number): Promise<TReceipts> {
  return withSchool(db, ctx, async (c) => {
    const [announcement] = await repo.listAnnouncements(c, ctx.schoolId, visibility(principal, ctx), id);
    if (!announcement) throw new AppError('not_found');
    const readers = (await repo.receipts(c, ctx.schoolId, id)).sort(
      (a, b) => a.classLabel.localeCompare(b.classLabel, 'uk', { numeric: true }) || collator.compare(a.pupilName, b.pupilName) || a.role.localeCompare(b.role),
    );
    return { announcement: withShare(announcement), readers };
  });
}

/** The pupils whose announcements the principal reads: their children (with consent) or themselves. */
function familyPupils(principal: TPrincipal, schoolId: number): number[] {
  const m = membershipOf(principal, schoolId);
  return [...(m?.children.map((x) => x.pupilId) ?? []), ...(m?.pupilId ? [m.pupilId] : [])];
}

export async function inbox(db: Database, ctx: TenantContext, principal: TPrincipal): Promise<TInbox> {
  const items = await withSchool(db, ctx, (c) => repo.inbox(c, ctx.schoolId, ctx.userId, familyPupils(principal, ctx.schoolId)));
  return { items: items as TInboxItem[], unread: items.filter((i) => !i.readAt).length };
}

/** Opens an announcement of the family's inbox and records that this person read it. */
export async function readAnnouncement(db: Database, ctx: TenantContext, principal: TPrincipal, id: number): Promise<TInboxItem> {
  return withSchool(db, ctx, async (c: Client) => {
    const pupils = familyPupils(principal, ctx.schoolId);
    if (!(await repo.inbox(c, ctx.schoolId, ctx.userId, pupils, id)).length) throw new AppError('not_found');
    await repo.insertReceipt(c, ctx.schoolId, id, ctx.userId);
    return (await repo.inbox(c, ctx.schoolId, ctx.userId, pupils, id))[0] as TInboxItem;
  });
}

/** The parent's notification choices in this school, or the defaults. */
export async function getSettings(db: Database, ctx: TenantContext): Promise<TNotificationSettings> {
  return withSchool(db, ctx, async (c) => {
    const saved = await settingsRepo.findSettings(c, ctx.schoolId, ctx.userId);
    const email = saved?.email || (await settingsRepo.defaultEmail(c, ctx.schoolId, ctx.userId));
    return saved ? { ...saved, email } : { ...DEFAULT_PREFS, email };
  });
}

export async function saveSettings(db: Database, ctx: TenantContext, s: TNotificationSettings): Promise<TNotificationSettings> {
  await withSchool(db, ctx, (c) => settingsRepo.saveSettings(c, ctx.schoolId, ctx.userId, s));
  return getSettings(db, ctx);
}
