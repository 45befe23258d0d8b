import { z } from 'zod';

export const ZLoginBody = z.object({
  login: z.string().trim().min(1, 'required').max(100),
  password: z.string().min(1, 'required').max(200),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

export const ZChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'required').max(200),
  newPassword: z.string().min(1, 'required').max(200),
});

export const ZLocaleBody = z.object({ locale: z.enum(['uk', 'en']) });

const ZChild = z.object({ pupilId: z.number(), name: z.string(), classLabel: z.string().nullable() });

export const ZMembership = z.object({
  schoolId: z.number(),
  schoolName: z.string(),
  roles: z.array(z.string()),
  classIds: z.array(z.number()),
  children: z.array(ZChild),
  pupilId: z.number().nullable(),
});

export const ZMe = z.object({
  userId: z.number(),
  login: z.string(),
  fullName: z.string(),
  locale: z.enum(['uk', 'en']),
  csrfToken: z.string(),
  schools: z.array(ZMembership),
  cities: z.array(z.object({ cityId: z.number(), cityName: z.string() })),
  /** true after a sign-in with a one-time password: every other screen waits for a new one */
  mustChangePassword: z.boolean(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZOk = z.object({ ok: z.literal(true) });
