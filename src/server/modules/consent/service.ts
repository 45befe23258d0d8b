import type {
  TClassConsentRegister,
  TConsentDashboard,
  TConsentHistory,
  TConsentRecord,
  TMyConsent,
  TNotice,
  TRecordConsentBody,
  TSchoolCoverage,
} from '../../../shared/api/consent.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, todayOf, withSchool, withSystem } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import * as coverage from './coverage.repo.js';
import { consentFormsPdf } from './pdf.js';
import * as repo from './repo.js';
import { readScan } from './scan.js';

const collator = new Intl.Collator('uk');

/** A share with three decimals; 0 when there is nobody to count. */
export function shareOf(part: number, total: number): number {
  return total ? Math.round((part / total) * 1000) / 1000 : 0;
}

/** Whether the principal leads the school (head, admin) rather than only some classes. */
function leadsSchool(principal: TPrincipal, schoolId: number): boolean {
  return !!membershipOf(principal, schoolId)?.roles.some((r) => r === 'head' || r === 'admin');
}

/** The classes a class teacher may see, or null for the whole school. */
function visibleClasses(principal: TPrincipal, schoolId: number): number[] | null {
  return leadsSchool(principal, schoolId) ? null : (membershipOf(principal, schoolId)?.classIds ?? []);
}

/** A pupil of the school the principal may manage consent for (head, admin, the pupil's class teacher). */
async function loadManagedPupil(c: Client, ctx: TenantContext, principal: TPrincipal, pupilId: number) {
  const pupil = await repo.pupilHeader(c, ctx.schoolId, pupilId);
  if (!pupil) throw new AppError('not_found');
  const classes = visibleClasses(principal, ctx.schoolId);
  if (classes && !pupil.classIds.some((id) => classes.includes(id))) throw new AppError('forbidden');
  return pupil;
}

export async function currentNotice(db: Database, ctx: TenantContext): Promise<TNotice> {
  return withSchool(db, ctx, (c) => repo.currentNotice(c, ctx.schoolId));
}

export async function noticeList(db: Database, ctx: TenantContext): Promise<{ current: TNotice; versions: TNotice[] }> {
  return withSchool(db, ctx, async (c) => ({ current: await repo.currentNotice(c, ctx.schoolId), versions: await repo.noticeVersions(c, ctx.schoolId) }));
}

/**
 * Publishes a new version of the school's own notice; it becomes the one shown from now on, and
 * guardians who consented to an older version are asked to read it and confirm (myConsents).
 * A text identical to the version in force is refused: it would ask everyone again for nothing.
 */
export async function publishNotice(db: Database, ctx: TenantContext, body: { title: string; body: string; purposes: string[] }): Promise<TNotice> {
  return withSchool(db, ctx, async (c) => {
    const current = await repo.currentNotice(c, ctx.schoolId);
    const same = current.title === body.title && current.body === body.body && current.purposes.join('\n') === body.purposes.join('\n');
    if (same) throw new AppError('notice_unchanged');
    await repo.insertNotice(c, { schoolId: ctx.schoolId, ...body, userId: ctx.userId });
    return repo.currentNotice(c, ctx.schoolId);
  });
}

/** The notice a record refers to: the one named (it must apply to the school) or the current one. */
async function noticeFor(c: Client, schoolId: number, noticeId?: number): Promise<TNotice> {
  if (noticeId === undefined) return repo.currentNotice(c, schoolId);
  const notice = await repo.findNotice(c, schoolId, noticeId);
  if (!notice) throw new AppError('not_found');
  return notice;
}

interface NewRecord {
  pupilId: number;
  guardianId: number;
  action: 'given' | 'withdrawn';
  channel: 'paper' | 'electronic';
  signedOn: string;
  notice: TNotice;
  scanId: number | null;
  note: string;
}

/**
 * Appends a consent record after the rules common to both channels. In the same transaction, a
 * withdrawal cancels e-mails not yet sent: all of the pupil's when no valid consent is left, else
 * those to the withdrawing guardian (their address is their own personal data).
 */
async function appendRecord(c: Client, db: Database, ctx: TenantContext, x: NewRecord) {
  if (x.signedOn > todayOf(db)) throw new AppError('future_date');
  if (x.action === 'withdrawn') {
    const latest = (await repo.latestRecords(c, ctx.schoolId, [x.pupilId])).find((r) => r.guardianId === x.guardianId);
    if (latest?.action !== 'given') throw new AppError('nothing_to_withdraw');
  }
  const id = await repo.insertRecord(c, { schoolId: ctx.schoolId, userId: ctx.userId, ...x });
  const valid = await repo.consentValid(c, ctx.schoolId, x.pupilId);
  let cancelledNotifications = 0;
  if (!valid) cancelledNotifications = await repo.cancelNotifications(c, x.pupilId);
  else if (x.action === 'withdrawn') {
    const userId = await repo.guardianUserId(c, ctx.schoolId, x.guardianId);
    if (userId !== null) cancelledNotifications = await repo.cancelNotifications(c, x.pupilId, userId);
  }
  return { record: await repo.findRecord(c, ctx.schoolId, id), valid, cancelledNotifications };
}

/** The school records a guardian's signed paper consent (with the scan) or their withdrawal. */
export async function recordConsent(db: Database, ctx: TenantContext, principal: TPrincipal, pupilId: number, body: TRecordConsentBody) {
  const scan = body.scan ? readScan({ fileName: body.scan.fileName ?? '', contentBase64: body.scan.contentBase64 }) : null;
  if (body.action === 'given' && !scan) throw new AppError('scan_required');
  return withSchool(db, ctx, async (c) => {
    await loadManagedPupil(c, ctx, principal, pupilId);
    if (!(await repo.isGuardianOf(c, ctx.schoolId, pupilId, body.guardianId))) throw new AppError('not_found');
    const notice = await noticeFor(c, ctx.schoolId, body.noticeId);
    const scanId = scan ? await repo.insertScan(c, { schoolId: ctx.schoolId, userId: ctx.userId, ...scan }) : null;
    return appendRecord(c, db, ctx, {
      pupilId,
      guardianId: body.guardianId,
      action: body.action,
      channel: 'paper',
      signedOn: body.signedOn,
      notice,
      scanId,
      note: body.note ?? '',
    });
  });
}

export async function pupilHistory(db: Database, ctx: TenantContext, principal: TPrincipal, pupilId: number): Promise<TConsentHistory> {
  return withSchool(db, ctx, async (c) => {
    const pupil = await loadManagedPupil(c, ctx, principal, pupilId);
    return {
      pupil: { id: pupil.id, name: pupil.name, classLabel: pupil.classLabel },
      valid: await repo.consentValid(c, ctx.schoolId, pupilId),
      records: await repo.pupilHistory(c, ctx.schoolId, pupilId),
    };
  });
}

/** A stored scan, for the staff who may see the pupil it belongs to. */
export async function scanFile(db: Database, ctx: TenantContext, principal: TPrincipal, scanId: number) {
  return withSchool(db, ctx, async (c) => {
    const scan = await repo.findScan(c, ctx.schoolId, scanId);
    if (!scan) throw new AppError('not_found');
    const classes = visibleClasses(principal, ctx.schoolId);
    if (classes) {
      let allowed = false;
      for (const pupilId of scan.pupilIds) {
        const pupil = await repo.pupilHeader(c, ctx.schoolId, pupilId);
        if (pupil?.classIds.some((id) => classes.includes(id))) allowed = true;
      }
      if (!allowed) throw new AppError('forbidden');
    }
    return scan;
  });
}

/** The class's consent register: each pupil, each guardian's latest answer, accounts and codes. */
export async function classRegister(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  classId: number,
  invitations: (c: Client, pupilIds: number[]) => Promise<Map<string, { expiresAt: string; usedAt: string | null }>>,
): Promise<TClassConsentRegister> {
  return withSchool(db, ctx, async (c) => {
    const cls = await repo.findClass(c, ctx.schoolId, classId);
    if (!cls) throw new AppError('not_found');
    const classes = visibleClasses(principal, ctx.schoolId);
    if (classes && !classes.includes(classId)) throw new AppError('forbidden');
    const families = await repo.classFamilies(c, ctx.schoolId, classId);
    const ids = families.map((f) => f.pupilId);
    const latest = new Map<string, TConsentRecord>((await repo.latestRecords(c, ctx.schoolId, ids)).map((r) => [`${r.pupilId}:${r.guardianId}`, r]));
    const codes = await invitations(c, ids);
    const pupils = families
      .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
      .map((f) => ({
        id: f.pupilId,
        name: `${f.lastName} ${f.firstName}`,
        valid: f.valid,
        hasAccount: f.userId !== null,
        invitation: codes.get(`${f.pupilId}:`) ?? null,
        guardians: f.guardians.map((g) => ({
          id: g.id,
          name: g.name,
          relation: g.relation,
          hasAccount: g.userId !== null,
          latest: latest.get(`${f.pupilId}:${g.id}`) ?? null,
          invitation: codes.get(`${f.pupilId}:${g.id}`) ?? null,
        })),
      }));
    return {
      class: { id: cls.id, label: cls.label },
      notice: await repo.currentNotice(c, ctx.schoolId),
      consented: pupils.filter((p) => p.valid).length,
      total: pupils.length,
      pupils,
    };
  });
}

/**
 * Shares of pupils with consent by class and for the school, who is missing, and how many
 * consents were given to an older version of the notice (those guardians are asked again).
 * One set-based statement (coverage.schoolDashboard).
 */
export async function dashboard(db: Database, ctx: TenantContext, principal: TPrincipal): Promise<TConsentDashboard> {
  const classIds = visibleClasses(principal, ctx.schoolId);
  return withSchool(db, ctx, async (c) => {
    const notice = await repo.currentNotice(c, ctx.schoolId);
    const rows = await coverage.schoolDashboard(c, ctx.schoolId, classIds, notice.id);
    const total = rows.classes.reduce((s, x) => s + x.total, 0);
    const consented = rows.classes.reduce((s, x) => s + x.consented, 0);
    return {
      school: { total, consented, share: shareOf(consented, total) },
      classes: rows.classes.map((x) => ({ ...x, share: shareOf(x.consented, x.total) })),
      missing: rows.missing
        .sort((a, b) => a.classLabel.localeCompare(b.classLabel, 'uk', { numeric: true }) || collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
        .map((m) => ({ pupilId: m.pupilId, name: `${m.lastName} ${m.firstName}`, classId: m.classId, classLabel: m.classLabel, withdrawn: m.withdrawn, guardians: m.guardians })),
      notice: { id: notice.id, version: notice.version, level: notice.level, publishedAt: notice.publishedAt },
      olderVersion: rows.olderVersion,
    };
  });
}

/** Printable consent forms with the notice, pre-filled for each family of a class (or one pupil). */
export async function consentForms(db: Database, ctx: TenantContext, principal: TPrincipal, classId: number, pupilId?: number): Promise<Buffer> {
  const data = await withSchool(db, ctx, async (c) => {
    const cls = await repo.findClass(c, ctx.schoolId, classId);
    if (!cls) throw new AppError('not_found');
    const classes = visibleClasses(principal, ctx.schoolId);
    if (classes && !classes.includes(classId)) throw new AppError('forbidden');
    const families = (await repo.classFamilies(c, ctx.schoolId, classId)).filter((f) => pupilId === undefined || f.pupilId === pupilId);
    if (pupilId !== undefined && !families.length) throw new AppError('not_found');
    families.sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName));
    return { cls, families, school: await repo.schoolHeader(c, ctx.schoolId), notice: await repo.currentNotice(c, ctx.schoolId) };
  });
  return consentFormsPdf({
    school: data.school,
    notice: data.notice,
    families: data.families.map((f) => ({
      pupilName: `${f.lastName} ${f.firstName} ${f.middleName}`.trim(),
      birthDate: f.birthDate,
      classLabel: data.cls.label,
      guardians: f.guardians.map((g) => ({ name: g.name, relation: g.relation })),
    })),
  });
}

/** For the city dashboard: per school of the city, pupils with consent and their share. No names. */
export async function consentCoverageBySchool(db: Database, cityId: number): Promise<TSchoolCoverage[]> {
  const rows = await withSystem(db, (c) => coverage.coverageBySchool(c, cityId));
  return rows.map((r) => ({ ...r, share: shareOf(r.consented, r.total) }));
}

/** The guardian rows (school, guardian, pupil) of a signed-in person, across schools. */
async function guardianLinks(db: Database, userId: number) {
  const r = await withSystem(db, (c) =>
    c.query(
      `SELECT g.school_id AS "schoolId", g.id AS "guardianId", pg.pupil_id AS "pupilId"
       FROM guardian g JOIN pupil_guardian pg ON pg.school_id = g.school_id AND pg.guardian_id = g.id
       WHERE g.user_id = $1 ORDER BY g.school_id, pg.pupil_id`,
      [userId],
    ),
  );
  return r.rows as { schoolId: number; guardianId: number; pupilId: number }[];
}

/**
 * Every child of the signed-in guardian with their consent state, also where access is closed.
 * A consent given to an older version of the notice stays valid (the purposes it covered do not
 * lapse), but the guardian is asked to read the version published since and confirm it.
 */
export async function myConsents(db: Database, principal: TPrincipal): Promise<TMyConsent[]> {
  const links = await guardianLinks(db, principal.userId);
  const out: TMyConsent[] = [];
  for (const schoolId of [...new Set(links.map((l) => l.schoolId))]) {
    const mine = links.filter((l) => l.schoolId === schoolId);
    await withSchool(db, { schoolId, userId: principal.userId }, async (c) => {
      const school = await repo.schoolHeader(c, schoolId);
      const notice = await repo.currentNotice(c, schoolId);
      const latest = await repo.latestRecords(c, schoolId, mine.map((l) => l.pupilId));
      for (const l of mine) {
        const pupil = (await repo.pupilHeader(c, schoolId, l.pupilId))!;
        const own = latest.find((r) => r.pupilId === l.pupilId && r.guardianId === l.guardianId) ?? null;
        out.push({
          schoolId,
          schoolName: school.shortName,
          pupilId: l.pupilId,
          pupilName: pupil.name,
          classLabel: pupil.classLabel,
          guardianId: l.guardianId,
          valid: await repo.consentValid(c, schoolId, l.pupilId),
          mine: own,
          notice,
          reconfirm: own?.action === 'given' && own.noticeId !== notice.id,
        });
      }
    });
  }
  return out;
}

/** The guardian gives or withdraws consent in their own account (electronic channel, dated today). */
export async function answerMine(db: Database, principal: TPrincipal, body: { schoolId: number; pupilId: number; action: 'given' | 'withdrawn'; noticeId: number }) {
  const link = (await guardianLinks(db, principal.userId)).find((l) => l.schoolId === body.schoolId && l.pupilId === body.pupilId);
  if (!link) throw new AppError('forbidden');
  const ctx = { schoolId: body.schoolId, userId: principal.userId };
  return withSchool(db, ctx, async (c) => {
    const notice = await repo.currentNotice(c, ctx.schoolId);
    if (body.action === 'given' && notice.id !== body.noticeId) throw new AppError('notice_outdated');
    return appendRecord(c, db, ctx, {
      pupilId: body.pupilId,
      guardianId: link.guardianId,
      action: body.action,
      channel: 'electronic',
      signedOn: todayOf(db),
      notice,
      scanId: null,
      note: '',
    });
  });
}

/** Records a guardian's electronic consent inside another transaction (redeeming an invitation). */
export async function giveElectronicConsent(c: Client, db: Database, ctx: TenantContext, x: { pupilId: number; guardianId: number; notice: TNotice }) {
  return appendRecord(c, db, ctx, { ...x, action: 'given', channel: 'electronic', signedOn: todayOf(db), scanId: null, note: '' });
}
