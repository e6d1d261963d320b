import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as ts from 'typescript';

const APP = resolve(__dirname, '../../../web/src/app');

/**
 * Every page the console routes to, as its full path pattern ("customers/:customerId"), read from
 * app.routes.ts and the feature route files it lazy-loads, so a journey meant to visit each page fails
 * when a new one is added. Redirects and the catch-all are left out: they are no page of their own.
 */
export function consoleRoutes(): string[] {
  return routesOf(resolve(APP, 'app.routes.ts'), 'APP_ROUTES', '');
}

function routesOf(file: string, name: string, prefix: string): string[] {
  const source = parse(file);
  let routes: ts.ArrayLiteralExpression | undefined;
  source.forEachChild(function find(node) {
    if (
      ts.isVariableDeclaration(node) &&
      node.name.getText(source) === name &&
      node.initializer &&
      ts.isArrayLiteralExpression(node.initializer)
    )
      routes = node.initializer;
    else node.forEachChild(find);
  });
  if (!routes) throw new Error(`No route array ${name} in ${file}`);
  return routes.elements.flatMap((element) => routesOfElement(element, source, file, prefix));
}

function routesOfElement(
  element: ts.Expression,
  source: ts.SourceFile,
  file: string,
  prefix: string,
): string[] {
  if (ts.isSpreadElement(element) && element.expression.getText(source) === 'comingSoonRoutes()')
    return sectionsNotBuilt().map((path) => join(prefix, path));
  // ...SETTINGS_TABS.map((tab) => pageRoute(tab.path, ...)): a page per entry of the array it maps.
  const mapped = ts.isSpreadElement(element) && /^(\w+)\.map\(/.exec(element.expression.getText(source));
  if (mapped) return pathsIn(file, mapped[1]).map((path) => join(prefix, path));
  // pageRoute('orders', 'Orders', () => import(...)): one page at its first argument.
  if (ts.isCallExpression(element) && element.expression.getText(source) === 'pageRoute') {
    const [pathArgument] = element.arguments;
    if (!pathArgument || !ts.isStringLiteral(pathArgument))
      throw new Error(`A page route without a literal path in ${file}: ${element.getText(source)}`);
    return [join(prefix, pathArgument.text)];
  }
  if (!ts.isObjectLiteralExpression(element))
    throw new Error(`A route the journey cannot read in ${file}: ${element.getText(source)}`);
  const property = (key: string): ts.Expression | undefined => {
    const found = element.properties.find(
      (candidate): candidate is ts.PropertyAssignment =>
        ts.isPropertyAssignment(candidate) && candidate.name.getText(source) === key,
    );
    return found?.initializer;
  };
  const pathNode = property('path');
  if (!pathNode || !ts.isStringLiteral(pathNode))
    throw new Error(`A route without a literal path in ${file}: ${element.getText(source)}`);
  const path = join(prefix, pathNode.text);
  if (property('redirectTo') || pathNode.text === '**') return [];

  const children = property('children');
  if (children && ts.isArrayLiteralExpression(children))
    return children.elements.flatMap((child) => routesOfElement(child, source, file, path));
  const loadChildren = property('loadChildren');
  if (loadChildren) {
    // () => import('./customers/customers.routes').then((m) => m.CUSTOMERS_ROUTES)
    const found = /import\('([^']+)'\)\.then\(\((\w+)\) => \2\.(\w+)\)/.exec(loadChildren.getText(source));
    if (!found) throw new Error(`A lazy route the journey cannot follow in ${file}: ${path}`);
    return routesOf(resolve(dirname(file), `${found[1]}.ts`), found[3], path);
  }
  return [path];
}

/** The `path` of each entry of the array `name` declares in `file`. */
function pathsIn(file: string, name: string): string[] {
  const source = parse(file);
  const paths: string[] = [];
  source.forEachChild(function find(node) {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === name && node.initializer)
      node.initializer.forEachChild(function entries(entry) {
        if (ts.isObjectLiteralExpression(entry))
          for (const property of entry.properties)
            if (
              ts.isPropertyAssignment(property) &&
              property.name.getText(source) === 'path' &&
              ts.isStringLiteral(property.initializer)
            )
              paths.push(property.initializer.text);
        entry.forEachChild(entries);
      });
    else node.forEachChild(find);
  });
  if (paths.length === 0) throw new Error(`No paths in ${name} of ${file}`);
  return paths;
}

/** The sections the navigation lists as not built yet, each routed to a "coming soon" page. */
function sectionsNotBuilt(): string[] {
  const text = readFileSync(resolve(APP, 'shell/navigation.ts'), 'utf8');
  return Array.from(text.matchAll(/path: '([^']+)',[^}]*isBuilt: false/g), (match) => match[1]);
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function join(prefix: string, path: string): string {
  return [prefix, path].filter((part) => part !== '').join('/');
}
