// `npm run bench` bundles and runs this: the time to render one follow-up from a compiled template (the
// per-message cost in the dispatcher), over every built-in template and varied buyers and orders.
import { BUYER_LOCALES, MESSAGE_KINDS } from '@rapport/domain';
import { defaultTemplate } from '../../../apps/api/src/templates/default-templates';
import { TemplateCompiler } from '../../../apps/api/src/templates/template-compiler';
import { templateContext } from '../../../apps/api/src/templates/template-context';

async function main(renders: number): Promise<void> {
  const compiler = new TemplateCompiler();
  const pairs = MESSAGE_KINDS.flatMap((kind) => BUYER_LOCALES.map((locale) => ({ kind, locale })));
  const compiled = await Promise.all(
    pairs.map(({ kind, locale }) => compiler.compiled(`${kind}:${locale}`, defaultTemplate(kind, locale))),
  );
  const business = {
    name: 'Benchmark Bakery',
    locale: 'en',
    contact_phone: '+44 20 7946 0000',
    contact_email: 'hello@bench.example',
    postal_address: '1 Bench Street, London',
    logo_url: null,
    brand_color: '#00696b',
  };
  const durations: number[] = [];
  let bytes = 0;
  for (let index = 0; index < renders; index++) {
    const pair = pairs[index % pairs.length] ?? pairs[0];
    const context = templateContext({
      business,
      customerName: `Buyer ${index} Example`,
      order: {
        number: `#${100_000 + index}`,
        total: '42.50',
        currency: 'EUR',
        products: ['Sourdough', 'Rye'],
      },
      locale: pair?.locale ?? 'en',
      unsubscribeUrl: `https://app.example/api/u/${index.toString(16).padStart(32, '0')}`,
      surveyUrl: index % 2 === 0 ? `https://app.example/s/${index}` : null,
    });
    const template = compiled[index % compiled.length];
    if (!template) throw new Error('No compiled template');
    const started = performance.now();
    const email = compiler.render(template, context);
    durations.push(performance.now() - started);
    bytes += email.html.length + email.text.length;
  }
  durations.sort((a, b) => a - b);
  const at = (share: number) =>
    durations[Math.min(durations.length - 1, Math.floor(share * durations.length))];
  process.stdout.write(
    `${JSON.stringify({ renders, p50Ms: at(0.5), p99Ms: at(0.99), meanBytes: Math.round(bytes / renders) })}\n`,
  );
}

void main(Number(process.argv[2] ?? 100_000));
