import {
  editableFromRichText,
  insertableVariables,
  richTextFromEditable,
  richTextFromHtml,
  richTextFromSubject,
  richTextToHtml,
  richTextToSubject,
} from './rich-text';

const HOSTILE = [
  '<script>alert(1)</script>',
  '</mj-text><mj-raw>{% for i in (1..9999999) %}x{% endfor %}</mj-raw>',
  '{% raw %}{{ customer.name }}{% endraw %}',
  '{{ business.secret }} and {{',
  '{%- assign x = "y" -%}',
  `"quoted" and 'single' & ampersand; &lt; already escaped`,
  '😀 emoji 👩🏽‍🍳 and ✓',
  'مرحبا بكم في متجرنا',
  'line one\nline two',
  '} } }} %} {',
];

describe('richTextFromEditable', () => {
  it('turns only tokens of offered variables into variables, with their words for when they are empty', () => {
    expect(richTextFromEditable('Hi ⟦customer.first_name|there⟧, from ⟦business.name⟧!')).toEqual([
      { text: 'Hi ' },
      { variable: 'customer.first_name', fallback: 'there' },
      { text: ', from ' },
      { variable: 'business.name' },
      { text: '!' },
    ]);
  });

  it('keeps typed Liquid, unknown and list variables as literal words', () => {
    const typed = '{{ customer.name }} ⟦customer.password⟧ ⟦order.products⟧';
    expect(richTextFromEditable(typed)).toEqual([{ text: typed }]);
  });

  it.each(HOSTILE)('gives back exactly what was typed: %s', (typed) => {
    expect(editableFromRichText(richTextFromEditable(typed))).toBe(typed);
  });
});

describe('richTextToHtml', () => {
  it.each(HOSTILE)('writes no tag and no Liquid for typed text, and reads it back: %s', (typed) => {
    const html = richTextToHtml([{ text: typed }]);
    expect(html.replace(/<br>/g, '')).not.toMatch(/[<>{}]/);
    expect(richTextFromHtml(html)).toEqual([{ text: typed }]);
  });

  it('writes variables as Liquid output, a fallback as a default filter', () => {
    const html = richTextToHtml(richTextFromEditable('Hi ⟦customer.first_name|there⟧ <3'));
    expect(html).toBe('Hi {{ customer.first_name | default: "there" }} &lt;3');
  });

  it('drops characters a fallback may not hold rather than break out of the Liquid string', () => {
    const html = richTextToHtml([{ variable: 'customer.name', fallback: 'a" }}{% x %}' }]);
    expect(html).toBe('{{ customer.name | default: "a  x " }}');
  });

  it('reads back nothing it would not write', () => {
    expect(richTextFromHtml('<b>bold</b>')).toBeNull();
    expect(richTextFromHtml('{% if x %}y{% endif %}')).toBeNull();
    expect(richTextFromHtml('{{ customer.password }}')).toBeNull();
    expect(richTextFromHtml('{{ customer.name | upcase }}')).toBeNull();
    expect(richTextFromHtml('&nbsp;')).toBeNull();
  });
});

describe('richTextToSubject', () => {
  it.each(HOSTILE)('keeps typed braces out of Liquid and reads them back: %s', (typed) => {
    const subject = richTextToSubject([{ text: typed }]);
    expect(subject.replace(/\{\{ "\{" \}\}/g, '')).not.toMatch(/\{/);
    const oneLine = typed.replace(/[\r\n]+/g, ' ');
    expect(richTextFromSubject(subject)).toEqual([{ text: oneLine }]);
  });

  it('reads the built-in subjects with their variables', () => {
    expect(richTextFromSubject('How did we do, {{ customer.first_name | default: "there" }}?')).toEqual([
      { text: 'How did we do, ' },
      { variable: 'customer.first_name', fallback: 'there' },
      { text: '?' },
    ]);
    expect(richTextFromSubject('{% if x %}y{% endif %}')).toBeNull();
  });
});

describe('insertableVariables', () => {
  it('offers the words of the context, the survey ones only where there is a survey', () => {
    const plain = insertableVariables(false).map(([name]) => name);
    const withSurvey = insertableVariables(true).map(([name]) => name);
    expect(plain).toContain('customer.first_name');
    expect(plain).not.toContain('survey_url');
    expect(plain).not.toContain('order.products');
    expect(withSurvey).toContain('survey.question');
    expect(withSurvey).not.toContain('survey.scale');
  });
});
