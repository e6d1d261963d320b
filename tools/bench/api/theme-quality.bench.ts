import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMENT_LANGUAGES } from '@rapport/domain';
import { commentThemes } from '../../../apps/api/src/themes/comment-themes';
import { type LabelledComment, measureThemes } from '../../../apps/api/src/themes/theme-quality';

/**
 * Prints how the comment reader does on the labelled set (precision and recall of themes, accuracy of
 * their sentiment, per language and per theme) and how many comments a second it reads, as JSON lines
 * for `themes-bench.mjs`. Argument: the repository's root.
 */
function main(): void {
  const [root = '.'] = process.argv.slice(2);
  for (const language of COMMENT_LANGUAGES) {
    const read = (folder: string) =>
      JSON.parse(
        readFileSync(join(root, `apps/api/test/fixtures/${folder}/comments-${language}.json`), 'utf8'),
      ) as LabelledComment[];
    const comments = read('comments');
    const figures = measureThemes(language, comments, (text) => commentThemes(text, { language }));
    // The held-out set is measured, never tuned on: what the reader does on words it was not written for.
    const heldOut = measureThemes(language, read('comments-heldout'), (text) =>
      commentThemes(text, { language }),
    );
    // Speed: the whole set read again and again for about a second, the language guessed as in the app.
    let count = 0;
    const started = process.hrtime.bigint();
    while (process.hrtime.bigint() - started < 1_000_000_000n)
      for (const comment of comments) {
        commentThemes(comment.text, { fallback: 'en' });
        count += 1;
      }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(
      `${JSON.stringify({ ...figures, heldOut, perSecond: Math.round(count / seconds) })}\n`,
    );
  }
}

main();
