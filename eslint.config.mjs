import nx from '@nx/eslint-plugin';

/** Nx tags (see each project.json) and who may import whom. Violations are errors. */
const boundaries = [
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:domain'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: [
      '@nestjs/*',
      '@angular/*',
      'typeorm',
      'class-validator',
      'class-transformer',
      'rxjs',
      'pg',
    ],
  },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
];

/**
 * One owner per table: SQL that writes a table lives in its owner's repository (see docs/architecture.md).
 * Each entry forbids the writing statements in string and template text everywhere else in the API.
 */
const writesOf = (tables, owner) => {
  const pattern = `/\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(${tables.join('|')})\\b/i`;
  const message = `Only ${owner} writes ${tables.join(' and ')}: call its methods.`;
  return [
    { selector: `TemplateElement[value.raw=${pattern}]`, message },
    { selector: `Literal[value=${pattern}]`, message },
  ];
};
const OUTBOX_WRITES = writesOf(['messages'], 'the outbox (apps/api/src/outbox)');
const CASE_WRITES = writesOf(['cases', 'case_entries'], 'CasesRepository');
const INTERACTION_WRITES = writesOf(
  ['interactions', 'interaction_events', 'enquiry_forms', 'referral_codes'],
  'InteractionsRepository, EnquiryFormsRepository (apps/api/src/interactions) or ReferralsRepository',
);
/** Controllers route, check permissions and map: their data comes from repositories and services. */
const CONTROLLER_SQL = [
  {
    selector: "CallExpression[callee.property.name='query']",
    message: 'Controllers hold no SQL: call a repository method.',
  },
  {
    selector: 'CallExpression[callee.name=/^(queryRows|preparedQuery)$/]',
    message: 'Controllers hold no SQL: call a repository method.',
  },
];

/**
 * One typed way to the database (docs/adr/0007-typed-sql.md): statements go through the helpers of
 * apps/api/src/database/query-rows.ts and prepared-query.ts, each call naming the row type it answers, on a
 * manager that TenantDatabase handed out. Only those helpers (and migrations and specs) call `query`,
 * and nothing reads or writes through TypeORM entity repositories.
 */
const RAW_QUERY = [
  {
    selector: "CallExpression[callee.property.name='query']",
    message:
      'Run SQL through queryRows<Row>, queryRow<Row>, execute or preparedQuery<Row> (apps/api/src/database), in a repository.',
  },
];
const ENTITY_REPOSITORIES = [
  {
    selector: 'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder)$/]',
    message: 'Read and write through the typed SQL of a repository, not through TypeORM entity repositories.',
  },
];
const UNNAMED_ROWS = [
  {
    selector: 'CallExpression[callee.name=/^(queryRows|queryRow|preparedQuery)$/]:not([typeArguments])',
    message: 'Name the row type the statement answers: queryRows<Row>(manager, sql, parameters).',
  },
];
const UNTYPED_SQL = [...RAW_QUERY, ...ENTITY_REPOSITORIES, ...UNNAMED_ROWS];
/** Files of the API that may call `query` themselves: the typed helpers and specs (migrations are ignored). */
const RAW_QUERY_ALLOWED = ['apps/api/src/database/*.ts', 'apps/api/src/**/*.spec.ts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', 'tmp', '.nx', '.data', '.angular', '**/screenshots', 'coverage'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints: boundaries },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': ['error', { allow: ['error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Nest and TypeORM read constructor parameter types at run time: those imports must stay values.
    files: ['apps/api/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  ...nx.configs['flat/angular'].map((config) => ({
    ...config,
    files: ['apps/web/**/*.ts', 'libs/ui/**/*.ts'],
  })),
  ...nx.configs['flat/angular-template'].map((config) => ({
    ...config,
    files: ['apps/web/**/*.html', 'libs/ui/**/*.html'],
  })),
  {
    files: ['apps/web/**/*.ts', 'libs/ui/**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'rp', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'rp', style: 'kebab-case' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  // A later block for no-restricted-syntax replaces an earlier one for the files both match: each block
  // lists every selector that applies to its files.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/database/migrations/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...OUTBOX_WRITES,
        ...CASE_WRITES,
        ...INTERACTION_WRITES,
        ...UNTYPED_SQL,
      ],
    },
  },
  {
    files: RAW_QUERY_ALLOWED,
    ignores: ['apps/api/src/database/migrations/**'],
    rules: { 'no-restricted-syntax': ['error', ...OUTBOX_WRITES, ...CASE_WRITES, ...INTERACTION_WRITES] },
  },
  {
    files: ['apps/api/src/outbox/outbox.repository.ts', 'apps/api/src/outbox/dispatch-batch.ts'],
    rules: { 'no-restricted-syntax': ['error', ...CASE_WRITES, ...INTERACTION_WRITES, ...UNTYPED_SQL] },
  },
  {
    files: ['apps/api/src/cases/cases.repository.ts'],
    rules: { 'no-restricted-syntax': ['error', ...OUTBOX_WRITES, ...INTERACTION_WRITES, ...UNTYPED_SQL] },
  },
  {
    files: [
      'apps/api/src/interactions/interactions.repository.ts',
      'apps/api/src/interactions/enquiry-forms.repository.ts',
      'apps/api/src/referrals/referrals.repository.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', ...OUTBOX_WRITES, ...CASE_WRITES, ...UNTYPED_SQL] },
  },
  {
    files: ['apps/api/src/**/*.controller.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...OUTBOX_WRITES,
        ...CASE_WRITES,
        ...INTERACTION_WRITES,
        ...CONTROLLER_SQL,
        ...ENTITY_REPOSITORIES,
      ],
    },
  },
  {
    // The benchmark entries run the API's services outside Nest, so they are the one place allowed to reach
    // into the API's source; every other import still follows the tags.
    files: ['tools/bench/api/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['../../../apps/api/src/**'],
          depConstraints: boundaries,
        },
      ],
    },
  },
  {
    // Jest configs share the workspace preset by path; they are tooling, not project code.
    files: ['**/jest.config.cjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['tools/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
];
