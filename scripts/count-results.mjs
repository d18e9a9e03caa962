// Sums vitest's JSON reports (unit + browser) into one plain "N passed, N failed" line.
// A step that failed without running a test (lint, type-check, build) counts as one failure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, statusArg] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  try {
    const r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed +=
      (r.numFailedTests ?? 0) +
      (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
  } catch (e) {
    console.error(`unreadable report ${f}: ${e}`);
    failed += 1;
  }
}
if (Number(statusArg) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
