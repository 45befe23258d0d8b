import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { migrate } from '../server/db/migrate.js';
import { isEmptyDatabase, openConfiguredDatabase } from '../server/db/open.js';
import { printDemoLogins } from '../server/main-print.js';
import { expiredFromCli, makeCaFromCli, verifyFromCli } from '../server/modules/archive/cli.js';
import { attachmentsFromCli } from '../server/modules/attachments/cli.js';
import { controlFromCli } from '../server/modules/control/cli.js';
import { deliveryFromCli } from '../server/modules/delivery/cli.js';
import { consentFromCli } from '../server/modules/consent/cli.js';
import { seedDemo } from '../server/modules/demo/index.js';
import { tentativeFromCli } from '../server/modules/journal/cli.js';
import { importFromCli } from '../server/modules/people/import/cli.js';
import { planFromCli } from '../server/modules/planning/cli.js';
import { timetableFromCli } from '../server/modules/timetable/cli.js';

const HELP = `Klasnyi CLI (npm run cli -- <command>)

  migrate                          apply database migrations
  seed demo [--schools N] [--seed S] [--year YYYY] [--today YYYY-MM-DD]
                                   create the demo city in an empty database
  import pupils|staff <file.csv|file.xlsx> --school ID [--dry-run] [--from YYYY-MM-DD]
                                   import people from a registry export (all or nothing)
  control fill --school ID [--from D] [--to D] [--by page|teacher|class|subject|school]
                                   print the fill level of a period (default: last week)
  control weekly-report --school ID [--week 2025-W41] [--email]
                                   build a week's fill report once (and e-mail the heads)
  archive make-ca --school ID --out DIR [--password P] [--key ec|rsa]
                                   a school CA and the head's certificate (ca.pem, head.p12) for demos
  archive verify <folder|file.zip> [--ca ca.pem|folder]
                                   check an archive's files, history chains and signatures (no database);
                                   trusted CAs from --ca and TRUSTED_CA_DIR
  archive expired --school ID      archive files whose retention has ended (lists only; the head approves destruction)
  attachments verify [--school ID] check every homework file's SHA-256, size and type (database or ATTACHMENTS_DIR)
  consent coverage --city ID       share of pupils with consent per school (counts only)
  consent notify [--now ISO]       one run of the parents' notifications (news, announcements, digests)
  consent notice --school ID --file notice.txt [--dry-run]
                                   publish a school's privacy notice version (title line, text, "- " purposes)
  journal tentative --school ID    pencil (tentative) marks not confirmed yet, per page (counts only)
  delivery report --school ID [--semester 1|2] [--csv]
                                   curriculum delivery per page; --csv: the not-delivered list as CSV
  timetable regenerate --school ID [--from YYYY-MM-DD]
                                   bring the journals' lessons in step with the timetable and calendar
  plan import --page ID --file F [--semester 1|2] [--dry-run]
                                   a calendar-thematic plan (КТП) from CSV/XLSX onto a page's lessons

The database: DATABASE_URL (PostgreSQL) or the embedded one in DATA_DIR (default ./data).`;

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      schools: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      year: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      school: { type: 'string' },
      'dry-run': { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      week: { type: 'string' },
      email: { type: 'boolean' },
      city: { type: 'string' },
      now: { type: 'string' },
      out: { type: 'string' },
      password: { type: 'string' },
      key: { type: 'string' },
      ca: { type: 'string' },
      page: { type: 'string' },
      file: { type: 'string' },
      semester: { type: 'string' },
      csv: { type: 'boolean' },
    },
  });
  const [command, sub] = positionals;
  if (!command || values.help) {
    console.log(HELP);
    return command ? 0 : 1;
  }
  if (command === 'archive' && sub === 'verify') {
    return verifyFromCli({ path: positionals[2], ca: values.ca, trustedCaDir: process.env.TRUSTED_CA_DIR }, (line) => console.log(line));
  }
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const applied = await migrate(db);
    if (command === 'migrate') {
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    }
    if (command === 'seed' && sub === 'demo') {
      if (!(await isEmptyDatabase(db))) {
        console.error('The database already has a city: the demo is made only in an empty database.');
        return 2;
      }
      const started = Date.now();
      const summary = await seedDemo(db, {
        schools: Number(values.schools),
        seed: Number(values.seed),
        yearStart: values.year ? Number(values.year) : undefined,
        today: values.today,
        onProgress: (m) => console.log(m),
      });
      console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.schoolIds.length} schools, ${summary.pupils} pupils, ${summary.lessons} lessons, ${summary.cells} cells.`);
      printDemoLogins(summary.logins);
      return 0;
    }
    if (command === 'import' && positionals[2] && values.school) {
      const opts = { kind: sub, file: positionals[2], schoolId: Number(values.school), dryRun: !!values['dry-run'], fromDate: values.from };
      return await importFromCli(db, opts, (line) => console.log(line));
    }
    if (command === 'control') {
      const opts = { sub, schoolId: Number(values.school), from: values.from, to: values.to, by: values.by, week: values.week, email: values.email };
      return await controlFromCli(db, opts, (line) => console.log(line));
    }
    if (command === 'consent') {
      const opts = { sub, cityId: Number(values.city), now: values.now, schoolId: Number(values.school), file: values.file, dryRun: !!values['dry-run'] };
      return await consentFromCli(db, opts, (line) => console.log(line));
    }
    if (command === 'plan') {
      const opts = { sub, pageId: Number(values.page), file: values.file, semester: values.semester ? Number(values.semester) : undefined, dryRun: !!values['dry-run'] };
      return await planFromCli(db, opts, (line) => console.log(line));
    }
    if (command === 'delivery') {
      const opts = { sub, schoolId: Number(values.school), semester: values.semester ? Number(values.semester) : undefined, csv: !!values.csv };
      return await deliveryFromCli(db, opts, (line) => console.log(line));
    }
    if (command === 'journal') return await tentativeFromCli(db, { sub, schoolId: Number(values.school) }, (line) => console.log(line));
    if (command === 'timetable') {
      return await timetableFromCli(db, { sub, schoolId: Number(values.school), from: values.from }, (line) => console.log(line));
    }
    if (command === 'attachments') {
      return await attachmentsFromCli(db, { sub, schoolId: values.school ? Number(values.school) : undefined, dir: config.ATTACHMENTS_DIR }, (line) => console.log(line));
    }
    if (command === 'archive' && sub === 'expired') return await expiredFromCli(db, { schoolId: Number(values.school) }, (line) => console.log(line));
    if (command === 'archive' && sub === 'make-ca') {
      return await makeCaFromCli(db, { schoolId: Number(values.school), out: values.out, password: values.password, key: values.key }, (line) => console.log(line));
    }
    console.error(`Unknown command: ${positionals.join(' ')}\n\n${HELP}`);
    return 1;
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
