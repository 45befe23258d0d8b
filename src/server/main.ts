import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { configureMailer, sendDueEmails } from './jobs/outbox.js';
import { registerPeriodicTask, startWorker } from './jobs/worker.js';
import { isEmptyDatabase, openConfiguredDatabase } from './db/open.js';
import { printDemoLogins } from './main-print.js';
import { seedDemo } from './modules/demo/index.js';

/** Reads config, opens the database, migrates, seeds the demo city when due, listens. */
async function main(): Promise<void> {
  const config = loadConfig();
  const wantDemo = process.argv.includes('--demo');
  const db = await openConfiguredDatabase(config);
  const applied = await migrate(db);
  if (applied.length) console.log(`Міграції застосовано: ${applied.join(', ')}`);
  // The demo city is made on a new embedded database, or on PostgreSQL only when asked.
  const embedded = db.engine === 'pglite';
  if ((embedded || wantDemo) && (await isEmptyDatabase(db))) {
    console.log('Створюю демонстраційне місто (один раз, до хвилини)...');
    const summary = await seedDemo(db, { schools: 3, seed: 1, onProgress: (m) => console.log(`  ${m}`) });
    printDemoLogins(summary.logins);
  }
  const app = await buildApp({ db, config });
  configureMailer(config.SMTP_URL, config.MAIL_FROM);
  registerPeriodicTask(async (d) => {
    await sendDueEmails(d);
  });
  const stopWorker = config.WORKER === 'on' ? startWorker(db, app.log, config.WORKER_INTERVAL_MS) : async () => undefined;
  const close = async () => {
    await stopWorker();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`\nKlasnyi працює: http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`);
  console.log(`API: http://${config.HOST}:${config.PORT}/api/docs`);
  if (embedded) console.log('Демо-входи: див. README.md (пароль klasnyi2025)');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
