import type { DemoLogin } from './modules/demo/index.js';

/** Prints the demo logins as a table a newcomer can copy from. */
export function printDemoLogins(logins: DemoLogin[]): void {
  console.log('\nДемо-входи (логін / пароль):');
  for (const l of logins) console.log(`  ${l.login.padEnd(14)} ${l.password.padEnd(12)} ${l.note}`);
}
