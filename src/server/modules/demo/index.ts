/** The demo-city generator: the public API. */
export { DEMO_PASSWORD, type DemoLogin, type DemoRole, type DemoSummary, type SeedDemoOptions, seedDemo } from './generator.js';
export { scheduledLessons } from '../timetable/schedule.js';
