import { Liquid } from 'liquidjs';

/**
 * Liquid engines for tenant text. No file system (no `include`, `render` or `layout` can load anything),
 * only own properties of the plain context object, unknown filters refused, and limits on template size,
 * render time and memory so one template cannot stall the dispatcher.
 */
function sandboxedEngine(escapeOutput: boolean): Liquid {
  const engine = new Liquid({
    ...(escapeOutput ? { outputEscape: 'escape' as const } : {}),
    strictFilters: true,
    ownPropertyOnly: true,
    relativeReference: false,
    cache: false,
    parseLimit: 200_000,
    renderLimit: 1_000,
    memoryLimit: 10_000_000,
    fs: {
      exists: () => Promise.resolve(false),
      existsSync: () => false,
      readFile: () => Promise.reject(new Error('Templates cannot include files')),
      readFileSync: () => {
        throw new Error('Templates cannot include files');
      },
      resolve: (_root: string, file: string) => file,
    },
  });
  // Refused when the template is parsed, so the author hears it on save with the line and column.
  for (const tag of ['include', 'render', 'layout']) {
    engine.registerTag(tag, {
      parse() {
        throw new Error(`{% ${tag} %} is not available in emails`);
      },
      render() {
        return '';
      },
    });
  }
  return engine;
}

/** For the HTML body: every `{{ }}` output is HTML-escaped, so buyer names cannot inject markup. */
export const htmlLiquid = sandboxedEngine(true);
/** For the subject line, which is plain text. */
export const textLiquid = sandboxedEngine(false);
