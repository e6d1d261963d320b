// `npm run bench:themes`: how well and how fast comments are read for themes and sentiment, on the
// labelled set in apps/api/test/fixtures/comments (110 comments per language, the lexicon is tuned on it)
// and on the held-out set in comments-heldout (50 per language, measured only). Aims (issue "What buyers
// talk about"): precision >= 0.85 and recall >= 0.75 on themes, sentiment >= 0.85, in every language.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const file = await bundle(root, 'tools/bench/api/theme-quality.bench.ts', 'theme-quality');
const run = spawnSync(process.execPath, [file, root], { encoding: 'utf8' });
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
const mark = (value, aim) => `${value.toFixed(2)}${value >= aim ? '' : ' (below aim)'}`;
console.log(
  '| language | comments | precision (aim 0.85) | recall (aim 0.75) | sentiment (aim 0.85) | comments/s |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const rows = run.stdout
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
for (const row of rows)
  console.log(
    `| ${row.language} | ${row.comments} | ${mark(row.precision, 0.85)} | ${mark(row.recall, 0.75)} | ` +
      `${mark(row.sentimentAccuracy, 0.85)} | ${row.perSecond} |`,
  );
console.log(
  '\nHeld out (apps/api/test/fixtures/comments-heldout, 50 per language, written by someone else, never tuned on):\n',
);
console.log('| language | comments | precision (aim 0.85) | recall (aim 0.75) | sentiment (aim 0.85) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const { heldOut } of rows)
  console.log(
    `| ${heldOut.language} | ${heldOut.comments} | ${mark(heldOut.precision, 0.85)} | ${mark(heldOut.recall, 0.75)} | ` +
      `${mark(heldOut.sentimentAccuracy, 0.85)} |`,
  );
console.log('\nPer theme on the development set (precision / recall):');
for (const row of rows)
  console.log(
    `${row.language}: ${row.themes
      .map(
        (theme) => `${theme.theme} ${theme.precision?.toFixed(2) ?? '-'}/${theme.recall?.toFixed(2) ?? '-'}`,
      )
      .join(', ')}`,
  );
