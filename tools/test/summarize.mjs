// Adds up the jest JSON results of every project and prints one closing line CI can read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0, suitesFailed = 0;
const rows = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  suitesFailed += r.numFailedTestSuites;
  rows.push(`  ${f.replace(/\.json$/, '').padEnd(34)} ${String(r.numPassedTests).padStart(4)} passed ${String(r.numFailedTests).padStart(3)} failed`);
}
console.log('\n=== test totals by project');
console.log(rows.join('\n'));
if (suitesFailed > 0) console.log(`  ${suitesFailed} test file(s) failed to run`);
console.log(`tests: ${passed} passed, ${failed + suitesFailed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed + suitesFailed > 0 || passed === 0 ? 1 : 0);
