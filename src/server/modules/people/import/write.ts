import type { Client, TenantContext } from '../../../db/tenancy.js';
import { hashPassword } from '../../auth/service.js';
import { oneTimePassword } from '../admin.accounts.js';
import * as classesRepo from '../admin.classes.repo.js';
import * as staffRepo from '../admin.staff.repo.js';
import { assignLogins } from '../admin.staff.service.js';
import type { Progress } from './import.service.js';
import type { GuardianIn, PupilRow } from './pupils.js';
import type { StaffRow } from './staff.js';

const CHUNK = 2000;

async function inChunks<T, R>(items: T[], fn: (chunk: T[]) => Promise<R[]>, onChunk: (done: number) => void): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    out.push(...(await fn(items.slice(i, i + CHUNK))));
    onChunk(Math.min(items.length, i + CHUNK));
  }
  return out;
}

/**
 * Writes checked pupil rows with a few statements per 2,000 rows (unnest): new pupils, their
 * stays in classes, guardians (one record for siblings' shared parent) and the links.
 */
export async function writePupils(
  c: Client,
  schoolId: number,
  rows: PupilRow[],
  knownGuardians: Map<string, number>,
  opts: { fromDate: string; order: string; progress: Progress },
) {
  const total = rows.length;
  const fresh = rows.filter((r) => r.pupilId === null);
  const ids = await inChunks(fresh, (chunk) => classesRepo.insertPupils(c, schoolId, chunk), (done) => opts.progress(done, total, 'pupils'));
  fresh.forEach((r, i) => {
    r.pupilId = ids[i];
  });
  const stays = rows.filter((r) => r.enrollIn !== null).map((r) => ({ pupilId: r.pupilId!, classId: r.enrollIn!, fromDate: opts.fromDate, order: opts.order }));
  await inChunks(stays, async (chunk) => {
    await classesRepo.insertEnrollments(c, schoolId, chunk);
    return chunk;
  }, (done) => opts.progress(done, total, 'enrollments'));

  const newGuardians = new Map<string, GuardianIn>();
  for (const r of rows) for (const g of r.guardians) if (!knownGuardians.has(g.key) && !newGuardians.has(g.key)) newGuardians.set(g.key, g);
  const list = [...newGuardians.values()];
  const guardianIds = await inChunks(list, (chunk) => classesRepo.insertGuardians(c, schoolId, chunk), (done) => opts.progress(done, list.length, 'guardians'));
  const idOf = new Map(knownGuardians);
  list.forEach((g, i) => {
    idOf.set(g.key, guardianIds[i]);
  });
  const seen = new Set<string>();
  const links: { pupilId: number; guardianId: number; relation: string }[] = [];
  for (const r of rows) {
    for (const g of r.guardians) {
      const link = { pupilId: r.pupilId!, guardianId: idOf.get(g.key)!, relation: g.relation };
      const key = `${link.pupilId}|${link.guardianId}`;
      if (!seen.has(key)) links.push(link);
      seen.add(key);
    }
  }
  await inChunks(links, async (chunk) => {
    await classesRepo.linkGuardians(c, schoolId, chunk);
    return chunk;
  }, (done) => opts.progress(done, links.length, 'links'));
  return {
    pupilsCreated: fresh.length,
    pupilsExisting: rows.length - fresh.length,
    enrollmentsCreated: stays.length,
    guardiansCreated: list.length,
  };
}

/** Creates accounts for the new staff of a file with one-time passwords (shown once, in the result). */
export async function writeStaff(c: Client, ctx: TenantContext, rows: StaffRow[], progress: Progress) {
  const fresh = rows.filter((r) => r.status === 'new');
  const logins = await assignLogins(c, fresh.map((r) => ({ lastName: r.lastName, firstName: r.firstName, login: r.login || undefined })));
  const passwords = fresh.map(() => oneTimePassword());
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += 4) {
    hashes.push(...(await Promise.all(passwords.slice(i, i + 4).map(hashPassword))));
    progress(hashes.length, fresh.length, 'accounts');
  }
  const ids = await staffRepo.insertStaff(
    c,
    ctx.schoolId,
    fresh.map((r, i) => ({ ...r, login: logins[i], passwordHash: hashes[i] })),
  );
  await staffRepo.logStaffChanges(c, ctx.schoolId, ctx.userId, ids.map((userId, i) => ({ userId, action: 'imported', details: { login: logins[i], roles: fresh[i].roles } })));
  return {
    staffCreated: fresh.length,
    staffExisting: rows.length - fresh.length,
    credentials: fresh.map((r, i) => ({ name: `${r.lastName} ${r.firstName} ${r.middleName}`.trim(), login: logins[i], initialPassword: passwords[i] })),
  };
}
