// Bundles apps/api into dist/apps/api/main.js with esbuild.
//
// esbuild does not emit decorator metadata (emitDecoratorMetadata), which Nest's dependency injection
// and TypeORM's column types read at run time. Files that use decorators are therefore compiled by
// TypeScript's own transpiler first; esbuild then bundles the result and resolves the @rapport/* aliases.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsconfigPath = resolve(root, 'apps/api/tsconfig.app.json');
const { config } = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
const { options: compilerOptions } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(tsconfigPath));

const decoratorMetadata = {
  name: 'decorator-metadata',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/^\s*@[A-Za-z]/m.test(source)) return { contents: source, loader: 'ts' };
      const output = ts.transpileModule(source, {
        fileName: args.path,
        compilerOptions: {
          ...compilerOptions,
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          sourceMap: false,
          inlineSourceMap: true,
          inlineSources: true,
        },
      });
      return { contents: output.outputText, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const started = Date.now();
await esbuild.build({
  entryPoints: [resolve(root, 'apps/api/src/main.ts')],
  outfile: resolve(root, 'dist/apps/api/main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Dependencies stay in node_modules: native addons (argon2) and optional requires cannot be bundled.
  packages: 'external',
  tsconfig: tsconfigPath,
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [decoratorMetadata],
});
console.log(`Built dist/apps/api/main.js in ${Date.now() - started} ms`);
