/**
 * Folders point one way (see docs/architecture.md): a folder of the API or the console that depends,
 * through any chain of imports, on a folder that depends on it back fails `npm run lint`.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'Two folders that import each other, directly or through others: one of them must own the flow.',
      severity: 'error',
      scope: 'folder',
      from: {},
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
