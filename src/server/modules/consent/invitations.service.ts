import { createHash, randomInt } from 'node:crypto';
import type { TInvitationBatch, TInvitationBody, TInvitationInfo, TIssuedCode, TRedeemBody } from '../../../shared/api/consent.js';
import type { TPrincipal } from '../../../shared/roles.js';
import type { TConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { type Client, type TenantContext, withSchool, withSystem } from '../../db/tenancy.js';
import { membershipOf } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { type ClientInfo, hashPassword, MIN_PASSWORD_LENGTH, openSession } from '../auth/service.js';
import * as repo from './invitations.repo.js';
import { type LetterFamily, invitationLettersPdf } from './pdf.js';
import * as consentRepo from './repo.js';
import { giveElectronicConsent } from './service.js';

/** Days a code works when the school has not set its own number (school.settings.invitationDays). */
export const DEFAULT_INVITATION_DAYS = 30;

// No 0/O, 1/I: read from paper and typed without mistakes.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new code: 12 symbols (60 bits) printed as XXXX-XXXX-XXXX. */
export function newCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** The stored form of a code: hyphens, spaces and case do not matter. */
export function codeHash(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[^A-Z0-9]/g, '')).digest('hex');
}

const collator = new Intl.Collator('uk');

interface Generated {
  batch: TInvitationBatch;
  letters: LetterFamily[];
  school: { name: string; address: string };
  classLabel: string;
  classTeacher: string | null;
}

/**
 * New one-time codes for the families of a class: each guardian without an account, and each
 * pupil without one whose family has consented. Earlier unused codes of the same people stop working.
 */
export async function generateInvitations(
  db: Database,
  ctx: TenantContext,
  principal: TPrincipal,
  classId: number,
  body: TInvitationBody,
  now = new Date(),
): Promise<Generated> {
  const include = body.include ?? 'both';
  return withSchool(db, ctx, async (c) => {
    const cls = await consentRepo.findClass(c, ctx.schoolId, classId);
    if (!cls) throw new AppError('not_found');
    const m = membershipOf(principal, ctx.schoolId);
    if (!m?.roles.some((r) => r === 'head' || r === 'admin') && !m?.classIds.includes(classId)) throw new AppError('forbidden');
    const school = await consentRepo.schoolHeader(c, ctx.schoolId);
    const days = body.validDays ?? Number(school.settings?.invitationDays ?? DEFAULT_INVITATION_DAYS);
    const expiresAt = new Date(now.getTime() + days * 86_400_000);
    let families = await consentRepo.classFamilies(c, ctx.schoolId, classId);
    if (body.pupilIds) {
      const known = new Set(families.map((f) => f.pupilId));
      if (body.pupilIds.some((id) => !known.has(id))) throw new AppError('not_found');
      families = families.filter((f) => body.pupilIds!.includes(f.pupilId));
    }
    families.sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName));
    const batch: TInvitationBatch = { issued: [], skipped: [] };
    const letters: LetterFamily[] = [];
    const byGuardian = new Map<number, TIssuedCode>();
    const issue = async (pupilId: number, pupilName: string, guardianId: number | null, personName: string) => {
      if (guardianId !== null && byGuardian.has(guardianId)) return { ...byGuardian.get(guardianId)!, pupilId, pupilName };
      await repo.revokeOpen(c, ctx.schoolId, pupilId, guardianId, now);
      const code = newCode();
      const invitationId = await repo.insertInvitation(c, { schoolId: ctx.schoolId, pupilId, guardianId, codeHash: codeHash(code), userId: ctx.userId, now, expiresAt });
      const issued = { invitationId, pupilId, pupilName, guardianId, personName, code, expiresAt: expiresAt.toISOString() };
      if (guardianId !== null) byGuardian.set(guardianId, issued);
      return issued;
    };
    for (const f of families) {
      const pupilName = `${f.lastName} ${f.firstName}`;
      const codes: TIssuedCode[] = [];
      if (include !== 'pupils') {
        if (!f.guardians.length) batch.skipped.push({ pupilId: f.pupilId, pupilName, personName: '', reason: 'no_guardians' });
        for (const g of f.guardians) {
          if (g.userId !== null) batch.skipped.push({ pupilId: f.pupilId, pupilName, personName: g.name, reason: 'has_account' });
          else codes.push(await issue(f.pupilId, pupilName, g.id, g.name));
        }
      }
      if (include !== 'guardians') {
        if (f.userId !== null) batch.skipped.push({ pupilId: f.pupilId, pupilName, personName: pupilName, reason: 'has_account' });
        else if (!f.valid) batch.skipped.push({ pupilId: f.pupilId, pupilName, personName: pupilName, reason: 'no_consent' });
        else codes.push(await issue(f.pupilId, pupilName, null, pupilName));
      }
      batch.issued.push(...codes);
      if (codes.length) {
        letters.push({
          pupilName: `${f.lastName} ${f.firstName} ${f.middleName}`.trim(),
          consentValid: f.valid,
          codes: codes.map((x) => ({ personName: x.personName, forPupil: x.guardianId === null, code: x.code, expiresAt: x.expiresAt })),
        });
      }
    }
    return { batch, letters, school: { name: school.name, address: school.address }, classLabel: cls.label, classTeacher: cls.classTeacher };
  });
}

/** The same, as printable letters (one page per family). */
export async function invitationLetters(db: Database, ctx: TenantContext, principal: TPrincipal, classId: number, body: TInvitationBody, appUrl: string, now = new Date()) {
  const g = await generateInvitations(db, ctx, principal, classId, body, now);
  return invitationLettersPdf({ school: g.school, classLabel: g.classLabel, classTeacher: g.classTeacher, appUrl, families: g.letters });
}

/** The newest code per person, keyed "pupilId:" (pupil) or "pupilId:guardianId", for the register. */
export async function invitationStates(c: Client, schoolId: number, pupilIds: number[]) {
  const rows = await repo.latestInvitations(c, schoolId, pupilIds);
  const guardianPupils = await c.query('SELECT pupil_id, guardian_id FROM pupil_guardian WHERE school_id = $1 AND pupil_id = ANY($2::int[])', [schoolId, pupilIds]);
  const out = new Map<string, { expiresAt: string; usedAt: string | null }>();
  const state = (r: (typeof rows)[number]) => ({ expiresAt: r.expiresAt.toISOString(), usedAt: r.usedAt?.toISOString() ?? null });
  for (const r of rows) {
    if (r.guardianId === null) out.set(`${r.pupilId}:`, state(r));
  }
  // a guardian's code may have been issued in a sibling's letter: show it for each child
  for (const link of guardianPupils.rows) {
    const newest = rows.filter((r) => r.guardianId === link.guardian_id).sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime())[0];
    if (newest) out.set(`${link.pupil_id}:${link.guardian_id}`, state(newest));
  }
  return out;
}

/** Checks a code: refused when unknown, revoked, used or expired, or for a pupil whose family has not consented. */
async function usableInvitation(c: Client, code: string, now: Date, lock: boolean) {
  const inv = await repo.findByCodeHash(c, codeHash(code), lock);
  if (!inv || inv.revokedAt) throw new AppError('invitation_invalid');
  if (inv.usedAt || inv.linkedUserId !== null) throw new AppError('invitation_used');
  if (inv.expiresAt.getTime() <= now.getTime()) throw new AppError('invitation_expired');
  // the school's functions (notifications, consent) read the school from the transaction
  await c.query(`SELECT set_config('app.school_id', $1, true)`, [String(inv.schoolId)]);
  const valid = await consentRepo.consentValid(c, inv.schoolId, inv.pupilId);
  if (inv.guardianId === null && !valid) throw new AppError('consent_required');
  return { inv, valid };
}

/** What a code is for, and the notice to read: the first step of redeeming (public). */
export async function lookupInvitation(db: Database, code: string, now = new Date()): Promise<TInvitationInfo> {
  return withSystem(db, async (c) => {
    const { inv, valid } = await usableInvitation(c, code, now, false);
    return {
      kind: inv.guardianId === null ? 'pupil' : 'guardian',
      schoolName: inv.schoolName,
      pupilName: inv.pupilName,
      personName: inv.personName,
      consentNeeded: inv.guardianId !== null && !valid,
      notice: await consentRepo.currentNotice(c, inv.schoolId),
      expiresAt: inv.expiresAt.toISOString(),
    };
  });
}

/**
 * Redeems a code: creates the account with the login and password the person chose, links it to
 * the guardian or pupil, records the guardian's electronic consent when given, and signs them in.
 */
export async function redeemInvitation(db: Database, config: TConfig, body: TRedeemBody, client: ClientInfo, now = new Date()) {
  if (body.password.length < MIN_PASSWORD_LENGTH) throw new AppError('weak_password');
  const passwordHash = await hashPassword(body.password);
  const login = body.login.trim().toLowerCase();
  return withSystem(db, async (c) => {
    const { inv, valid } = await usableInvitation(c, body.code, now, true);
    const notice = await consentRepo.currentNotice(c, inv.schoolId);
    if (body.consent && body.consent.noticeId !== notice.id) throw new AppError('notice_outdated');
    if (inv.guardianId !== null && !valid && !body.consent) throw new AppError('consent_required');
    if (await repo.loginExists(c, login)) throw new AppError('login_taken', { login });
    const userId = await repo.insertUser(c, {
      login,
      passwordHash,
      lastName: inv.personLastName,
      firstName: inv.personFirstName,
      middleName: inv.personMiddleName,
      email: body.email || inv.personEmail || null,
    });
    if (!(await repo.linkAccount(c, inv, userId))) throw new AppError('invitation_used');
    await repo.markUsed(c, inv.schoolId, inv.id, userId, now);
    if (body.consent && inv.guardianId !== null) {
      await giveElectronicConsent(c, db, { schoolId: inv.schoolId, userId }, { pupilId: inv.pupilId, guardianId: inv.guardianId, notice });
    }
    const session = await openSession(c, config, userId, client);
    return { ...session, schoolId: inv.schoolId, pupilId: inv.pupilId, kind: inv.guardianId === null ? ('pupil' as const) : ('guardian' as const) };
  });
}
