import { escapeHtml, textColorOn } from '../mail/html';

/** The business as its buyer-facing pages show it. */
export interface PageBrand {
  name: string;
  logoUrl: string | null;
  color: string;
}

const NEUTRAL_BRAND: PageBrand = { name: 'Rapport', logoUrl: null, color: '#006a6a' };

/**
 * A small buyer-facing page: no script, one inline style sheet, the business's name or logo on its colour.
 * Sized for a phone first; controls are at least 44 px high and keep a visible focus ring.
 */
export function buyerPage(input: {
  title: string;
  body: string;
  locale: string;
  brand?: PageBrand;
  extraCss?: string;
}): string {
  const brand = input.brand ?? NEUTRAL_BRAND;
  const color = /^#[0-9a-f]{6}$/i.test(brand.color) ? brand.color : NEUTRAL_BRAND.color;
  const ink = textColorOn(color);
  const heading = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" height="40">`
    : escapeHtml(brand.name);
  return `<!doctype html><html lang="${escapeHtml(input.locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(input.title)} · ${escapeHtml(brand.name)}</title>
<style>
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1c1c;background:#f4f7f7}
header{background:${color};color:${ink};padding:12px 16px;font-size:20px;font-weight:600}
header img{height:40px;display:block}
main{max-width:560px;margin:0 auto;padding:16px}
h1{font-size:22px;line-height:1.3;margin:8px 0 16px}
fieldset{border:0;margin:0 0 24px;padding:0}
legend{font-weight:600;margin-bottom:8px;padding:0}
.scale{display:flex;flex-wrap:wrap;gap:6px}
.scale label{position:relative}
.scale input,.choices input{position:absolute;opacity:0;width:1px;height:1px}
.scale span{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;padding:0 8px;border:2px solid #5c6a6a;border-radius:8px;background:#fff;font-weight:600;cursor:pointer}
.scale input:checked+span{background:${color};color:${ink};border-color:${color}}
.scale input:focus-visible+span,.choices input:focus-visible+span,textarea:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #1a1c1c;outline-offset:2px}
.ends{display:flex;justify-content:space-between;font-size:14px;color:#4a5454;margin-top:4px}
.choices label{display:flex;align-items:center;min-height:44px;gap:8px}
.choices span::before{content:"";display:inline-block;width:20px;height:20px;border:2px solid #5c6a6a;border-radius:4px;margin-right:8px;vertical-align:middle;background:#fff}
.choices input[type=radio]+span::before{border-radius:50%}
.choices input:checked+span::before{background:${color};border-color:${color}}
textarea{width:100%;min-height:112px;font:inherit;padding:8px;border:2px solid #5c6a6a;border-radius:8px}
button,.button{display:inline-block;min-height:48px;padding:12px 24px;border:0;border-radius:24px;background:${color};color:${ink};font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.note{background:#fff;border-left:4px solid ${color};padding:12px 16px;margin:0 0 16px}
.problem{border-left-color:#b3261e}
.optional{font-weight:400;color:#4a5454}
.product{margin:0 0 12px}
${input.extraCss ?? ''}
</style></head>
<body><header>${heading}</header><main><h1>${escapeHtml(input.title)}</h1>${input.body}</main></body></html>`;
}
