import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');
const id = z.coerce.number().int().positive();

// ---------- fill settings (city) ----------

const weight = z.number().min(0).max(100);
export const ZFillSettings = z.object({
  weights: z.object({
    held: weight,
    topic: weight,
    homework: weight,
    attendance: weight,
    timeliness: weight,
    density: weight,
    summative: weight,
  }),
  /** an entry is on time when made within this many days of the lesson */
  timelinessDays: z.number().int().min(0).max(30),
  /** a pupil with no mark in the page's last N lessons lowers the density */
  densityLessons: z.number().int().min(1).max(40),
  /** subjects where no homework is given (PE, arts, technologies): their lessons expect none */
  homeworkFreeSubjects: z.array(z.string().trim().min(1).max(100)).max(100),
});
export type TFillSettings = z.infer<typeof ZFillSettings>;
export const ZFillSettingsBody = ZFillSettings.refine((s) => Object.values(s.weights).some((w) => w > 0), {
  message: 'weights_all_zero',
  path: ['weights'],
});

// ---------- fill figures ----------

export const ZFillShares = z.object({
  held: z.number(),
  topic: z.number(),
  homework: z.number(),
  attendance: z.number(),
  timeliness: z.number(),
  density: z.number(),
  summative: z.number(),
});
export const FILL_COMPONENTS = ['held', 'topic', 'homework', 'attendance', 'timeliness', 'density', 'summative'] as const;
export type TFillComponent = (typeof FILL_COMPONENTS)[number];

export const ZFillFigures = z.object({
  planned: z.number(),
  held: z.number(),
  withTopic: z.number(),
  homeworkExpected: z.number(),
  withHomework: z.number(),
  withAttendance: z.number(),
  onTime: z.number(),
  pupils: z.number(),
  pupilsWithoutRecentMark: z.number(),
  summativeExpected: z.number(),
  summativePresent: z.number(),
  shares: ZFillShares,
  level: z.number(),
});

export const ZFillKey = z.object({ id: z.number(), name: z.string() });
export const ZFillRow = z.object({ key: ZFillKey, figures: ZFillFigures });
export type TFillRow = z.infer<typeof ZFillRow>;

export const ZPeriodQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'invalid_period', path: ['to'] });

export const ZPeriod = z.object({ from: z.string(), to: z.string(), effectiveTo: z.string(), week: z.string().nullable() });

export const ZQualityKind = z.enum(['mark_while_absent', 'future_entry', 'pasted_topic', 'extra_lesson', 'late_correction']);
export type TQualityKind = z.infer<typeof ZQualityKind>;
export const ZQualityCounts = z.object({
  mark_while_absent: z.number(),
  future_entry: z.number(),
  pasted_topic: z.number(),
  extra_lesson: z.number(),
  late_correction: z.number(),
});
export type TQualityCounts = z.infer<typeof ZQualityCounts>;

export const ZAnalysis = z.object({
  schoolId: z.number(),
  /** the server's today (the journal's rules use it, not the browser's clock) */
  today: z.string(),
  schoolName: z.string(),
  period: ZPeriod,
  settings: ZFillSettings,
  school: ZFillFigures,
  byTeacher: z.array(ZFillRow),
  byClass: z.array(ZFillRow),
  bySubject: z.array(ZFillRow),
  byPage: z.array(ZFillRow.extend({ teacherId: z.number().nullable(), teacherName: z.string() })),
  quality: ZQualityCounts,
  lateChangesPending: z.number(),
});
export type TAnalysis = z.infer<typeof ZAnalysis>;

// ---------- drill-down ----------

export const ZGapKind = z.enum(['not_held', 'no_topic', 'no_homework', 'no_attendance', 'late_entry', 'no_recent_mark', 'summative_missing']);
export type TGapKind = z.infer<typeof ZGapKind>;

export const ZGapsQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: ZGapKind.optional(),
  pageId: id.optional(),
  teacherId: id.optional(),
  classId: id.optional(),
  subjectId: id.optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const ZGap = z.object({
  kind: ZGapKind,
  pageId: z.number(),
  pageLabel: z.string(),
  teacherId: z.number().nullable(),
  teacherName: z.string(),
  lessonId: z.number().nullable(),
  date: z.string().nullable(),
  pupilId: z.number().nullable(),
  pupilName: z.string().nullable(),
  columnId: z.number().nullable(),
  columnTitle: z.string().nullable(),
  /** when the lesson was first written up (late entries) */
  enteredAt: z.string().nullable(),
  /** the web path that opens the cell: /s/:schoolId/journal/:pageId?lesson=...&pupil=... */
  link: z.string(),
});
export type TGap = z.infer<typeof ZGap>;
export const ZGaps = z.object({ period: ZPeriod, total: z.number(), gaps: z.array(ZGap) });
export type TGaps = z.infer<typeof ZGaps>;

export const ZQualityQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: ZQualityKind.optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export const ZQualityFlag = z.object({
  kind: ZQualityKind,
  pageId: z.number(),
  pageLabel: z.string(),
  teacherName: z.string(),
  lessonId: z.number().nullable(),
  date: z.string().nullable(),
  pupilId: z.number().nullable(),
  pupilName: z.string().nullable(),
  /** what is wrong: the mark, the pasted topic and its count, the changed field */
  detail: z.string(),
  link: z.string(),
});
export type TQualityFlag = z.infer<typeof ZQualityFlag>;
export const ZQualityFlags = z.object({ period: ZPeriod, counts: ZQualityCounts, flags: z.array(ZQualityFlag) });
export type TQualityFlags = z.infer<typeof ZQualityFlags>;

// ---------- trend ----------

export const ZTrendQuery = z.object({ date: isoDate.optional() });
export const ZTrendWeek = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  /** from the week's stored report; null when the week has none */
  level: z.number().nullable(),
  shares: ZFillShares.nullable(),
});
export const ZTrend = z.object({ semester: z.number(), from: z.string(), to: z.string(), weeks: z.array(ZTrendWeek) });
export type TTrend = z.infer<typeof ZTrend>;

// ---------- late corrections ----------

export const ZLateChangesQuery = z.object({
  status: z.enum(['pending', 'reviewed', 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const ZLateChange = z.object({
  id: z.number(),
  at: z.string(),
  userName: z.string(),
  pageId: z.number(),
  pageLabel: z.string(),
  lessonId: z.number().nullable(),
  lessonDate: z.string().nullable(),
  pupilId: z.number().nullable(),
  pupilName: z.string().nullable(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  link: z.string(),
});
export type TLateChange = z.infer<typeof ZLateChange>;
export const ZLateChanges = z.object({ total: z.number(), changes: z.array(ZLateChange) });
export type TLateChanges = z.infer<typeof ZLateChanges>;
export const ZReviewBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000) });
export const ZReviewResult = z.object({ reviewed: z.number() });

// ---------- weekly reports ----------

export const ZWeekParams = z.object({ schoolId: id, week: z.string().regex(/^\d{4}-W\d{2}$/, 'invalid_week') });
export const ZReportListItem = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  level: z.number(),
  createdAt: z.string(),
  emailedAt: z.string().nullable(),
});
export const ZReportList = z.object({ reports: z.array(ZReportListItem) });
export type TReportList = z.infer<typeof ZReportList>;
export const ZWeeklyReport = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  createdAt: z.string(),
  emailedAt: z.string().nullable(),
  data: z.object({
    schoolName: z.string(),
    period: ZPeriod,
    settings: ZFillSettings,
    school: ZFillFigures,
    byTeacher: z.array(ZFillRow),
    byClass: z.array(ZFillRow),
    bySubject: z.array(ZFillRow),
    byPage: z.array(ZFillRow.extend({ teacherId: z.number().nullable(), teacherName: z.string() })),
    quality: ZQualityCounts,
    lateChangesPending: z.number(),
    remarks: z.object({ open: z.number(), overdue: z.number() }),
  }),
});
export type TWeeklyReport = z.infer<typeof ZWeeklyReport>;
export type TWeeklyReportData = TWeeklyReport['data'];

// ---------- remarks ----------

export const REMARK_STATUSES = ['open', 'acknowledged', 'fixed', 'closed'] as const;
export const ZRemarkStatus = z.enum(REMARK_STATUSES);
export type TRemarkStatus = z.infer<typeof ZRemarkStatus>;

export const ZRemark = z.object({
  id: z.number(),
  pageId: z.number(),
  pageLabel: z.string(),
  teacherId: z.number().nullable(),
  teacherName: z.string(),
  authorName: z.string(),
  checkedOn: z.string(),
  text: z.string(),
  deadline: z.string(),
  status: ZRemarkStatus,
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** what the person asking may do with it now */
  can: z.object({ acknowledge: z.boolean(), fix: z.boolean(), close: z.boolean(), reopen: z.boolean() }),
});
export type TRemark = z.infer<typeof ZRemark>;
export const ZRemarks = z.object({ today: z.string(), remarks: z.array(ZRemark) });
export type TRemarks = z.infer<typeof ZRemarks>;

export const ZRemarksQuery = z.object({
  status: z.enum(['active', 'open', 'overdue', 'fixed', 'closed', 'all']).default('active'),
  pageId: id.optional(),
  teacherId: id.optional(),
  /** only remarks on the asking teacher's own pages */
  mine: z.enum(['true', 'false']).optional(),
});
export const ZRemarkCreate = z.object({
  pageId: z.number().int().positive(),
  checkedOn: isoDate,
  text: z.string().trim().min(1, 'required').max(4000),
  deadline: isoDate,
});
export type TRemarkCreate = z.infer<typeof ZRemarkCreate>;
export const ZRemarkParams = z.object({ schoolId: id, remarkId: id });
export const ZRemarkAction = z.enum(['acknowledge', 'fix', 'close', 'reopen']);
export type TRemarkAction = z.infer<typeof ZRemarkAction>;
export const ZRemarkActionParams = ZRemarkParams.extend({ action: ZRemarkAction });
export const ZRemarkActionBody = z.object({ version: z.number().int().positive(), note: z.string().trim().max(2000).default('') });
export const ZRemarkEvent = z.object({
  at: z.string(),
  userName: z.string(),
  fromStatus: ZRemarkStatus.nullable(),
  toStatus: ZRemarkStatus,
  note: z.string(),
});
export const ZRemarkHistory = z.object({ events: z.array(ZRemarkEvent) });
export type TRemarkHistory = z.infer<typeof ZRemarkHistory>;

export const ZRemarksByTeacher = z.object({
  today: z.string(),
  teachers: z.array(z.object({ teacherId: z.number().nullable(), teacherName: z.string(), open: z.number(), overdue: z.number(), fixed: z.number() })),
});
export type TRemarksByTeacher = z.infer<typeof ZRemarksByTeacher>;
