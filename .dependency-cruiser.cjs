/**
 * Folders point one way (see docs/architecture.md): a folder of the API or the console that depends,
 * through any chain of imports, on a folder that depends on it back fails `npm run lint`.
 *
 * The API still has one pair of folders that reach each other: answers open cases (CaseOpener) and cases
 * read answers. They are listed here so that the check holds everywhere else; a folder not listed that joins
 * a cycle fails, and the list may only shrink.
 */
const API_KNOT = ['answers', 'cases'];

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'Two folders that import each other, directly or through others: one of them must own the flow.',
      severity: 'error',
      scope: 'folder',
      from: { pathNot: `^apps/api/src/(${API_KNOT.join('|')})$` },
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^apps/(api|web)/src',
    exclude: { path: '\\.spec\\.ts$' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
