#!/usr/bin/env node
// Runs every test suite, then prints one line `N passed, N failed` totalled over all of them.
// A suite that fails, reports no test, or skips a test makes the run fail.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.vitest-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** @type {{name: string, kind: 'vitest' | 'playwright', cwd: string, args: string[], env?: Record<string,string>, node?: string}[]} */
const baseSuites = [
  { name: 'unit', kind: 'vitest', cwd: root, args: ['run'] },
  // The server's integration tests, twice: embedded (SQLite + in-process stores) and on throwaway
  // MariaDB + Redis started by server/test/global-setup.ts (a service that fails to start fails the suite).
  { name: 'integration-embedded', kind: 'vitest', cwd: root, args: ['run', '-c', 'server/vitest.integration.config.ts'], env: { PROMO_BACKEND: 'embedded' } },
  { name: 'integration-mariadb-redis', kind: 'vitest', cwd: root, args: ['run', '-c', 'server/vitest.integration.config.ts'], env: { PROMO_BACKEND: 'mariadb-redis' } },
  // User journeys in Debian's Chromium against the real server on throwaway MariaDB + Redis
  // (e2e/support/global-setup.ts); needs the studio's web build (`pnpm run build`) first.
  { name: 'e2e', kind: 'playwright', cwd: join(root, 'e2e'), args: [] },
];

// Users run Node 22/24 LTS: where a Node 24 is provided (`.ci/run` installs one into .cache/node24),
// the unit suite and the embedded integration suite run again on it, each right after its twin (SQLite
// through better-sqlite3 13, which the server loads on Node >= 22; server/src/db/create-db.ts).
const node24 = process.env.PROMO_NODE24_BIN;
const onNode24 = (suite) => ({ ...suite, name: `${suite.name}-node24`, env: { ...suite.env, PATH: `${node24}:${process.env.PATH}` }, node: 'v24.' });
const suites = baseSuites.flatMap((suite) => (node24 && ['unit', 'integration-embedded'].includes(suite.name) ? [suite, onNode24(suite)] : [suite]));

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let problems = [];

for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
  const out = join(reports, `${suite.name}.json`);
  console.log(`\n▶ ${suite.name}`);
  const args =
    suite.kind === 'vitest'
      ? ['exec', 'vitest', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]
      : ['exec', 'playwright', 'test', ...suite.args, '--reporter=list,json'];
  const env = { ...process.env, ...suite.env };
  if (suite.node) {
    const version = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
    if (!version.startsWith(suite.node)) {
      problems.push(`${suite.name}: wants node ${suite.node}x, found ${version || 'none'}`);
      failed += 1;
      continue;
    }
    console.log(`  on node ${version}`);
  }
  if (suite.kind === 'playwright') env.PLAYWRIGHT_JSON_OUTPUT_NAME = out;
  const run = spawnSync('pnpm', args, { cwd: suite.cwd, stdio: 'inherit', env });
  const counts = existsSync(out) ? readCounts(suite.kind, out) : null;
  if (!counts) {
    problems.push(`${suite.name}: no report (exit ${run.status})`);
    failed += 1;
    continue;
  }
  passed += counts.passed;
  failed += counts.failed;
  if (run.status !== 0 && counts.failed === 0) {
    problems.push(`${suite.name}: exited ${run.status}`);
    failed += 1;
  }
  if (counts.passed + counts.failed === 0) problems.push(`${suite.name}: ran no test`);
  if (counts.skipped > 0) problems.push(`${suite.name}: ${counts.skipped} skipped`);
  console.log(`◀ ${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

function readCounts(kind, file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  }
  const s = report.stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

for (const p of problems) console.log(`✗ ${p}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
