import { DEFAULT_SURVEYS } from './default-surveys';
import { commentOf, headlineScore, lowScoreReasons, readAnswerForm, scoreBand } from './survey-answers';
import { questionPrompt, standardPrompt } from './survey-phrases';
import {
  headlineQuestion,
  isQuestionShown,
  parseSurveyDefinition,
  type SurveyDefinition,
  type SurveyQuestion,
} from './survey-schema';

const [howDidWeDo, productRatings] = DEFAULT_SURVEYS.map((survey) => survey.definition) as [
  SurveyDefinition,
  SurveyDefinition,
];

describe('parseSurveyDefinition', () => {
  it('accepts the default surveys as they are', () => {
    for (const survey of DEFAULT_SURVEYS) {
      expect(parseSurveyDefinition(survey.definition)).toEqual({ definition: survey.definition });
    }
  });

  it('names every problem with its field', () => {
    const outcome = parseSurveyDefinition({
      questions: [
        { id: 'Score!', type: 'nps' },
        { id: 'pick', type: 'single-choice', prompt: 'Which?', options: ['a'] },
        { id: 'why', type: 'text', showWhen: { question: 'later', atMost: 3 } },
        { id: 'later', type: 'csat', showWhen: { question: 'Score!', atMost: 11 } },
        { id: 'x', type: 'slider' },
      ],
      thankYou: 'x'.repeat(501),
    });
    expect(outcome).toEqual({
      problems: [
        { field: 'questions[0].id', reason: 'must be 1 to 40 lowercase letters, digits or dashes' },
        { field: 'questions[1].options', reason: 'must list 2 to 10 choices' },
        {
          field: 'questions[2].showWhen.question',
          reason: 'must name an NPS or CSAT question that comes before this one',
        },
        { field: 'questions[3].showWhen.atMost', reason: 'must be a whole number from 0 to 10' },
        { field: 'questions[3].showWhen', reason: 'needs atLeast, atMost or both' },
        {
          field: 'questions[4].type',
          reason: 'must be one of nps, csat, product-rating, single-choice, multiple-choice, text',
        },
        { field: 'thankYou', reason: 'must be at most 500 characters' },
      ],
    });
  });

  it('refuses a survey without questions and a choice question without its words', () => {
    expect(parseSurveyDefinition({ questions: [] })).toEqual({
      problems: [{ field: 'questions', reason: 'must list 1 to 12 questions' }],
    });
    expect(
      parseSurveyDefinition({ questions: [{ id: 'a', type: 'multiple-choice', options: ['x', 'y'] }] }),
    ).toEqual({
      problems: [{ field: 'questions[0].prompt', reason: 'a choice question needs its question' }],
    });
  });
});

describe('answering', () => {
  it('shows the low-score follow-up only after a low score', () => {
    const [, better, loved, comment] = howDidWeDo.questions as [
      unknown,
      SurveyQuestion,
      SurveyQuestion,
      SurveyQuestion,
    ];
    expect(isQuestionShown(better, {})).toBe(false);
    expect(isQuestionShown(better, { score: 3 })).toBe(true);
    expect(isQuestionShown(loved, { score: 3 })).toBe(false);
    expect(isQuestionShown(loved, { score: 9 })).toBe(true);
    expect(isQuestionShown(comment, { score: 7 })).toBe(true);
    expect(isQuestionShown(comment, { score: 9 })).toBe(false);
  });

  it('reads a form, keeps earlier answers and lets the later score win', () => {
    const first = readAnswerForm(howDidWeDo, { 'q.score': '3' }, []);
    expect(first).toEqual({ answers: { score: 3 }, problems: [], missing: [] });
    const second = readAnswerForm(
      howDidWeDo,
      { 'q.score': '2', 'q.better': '  Late delivery ' },
      [],
      first.answers,
    );
    expect(second.answers).toEqual({ score: 2, better: 'Late delivery' });
    expect(headlineScore(howDidWeDo, second.answers)).toEqual({ type: 'nps', score: 2 });
    expect(commentOf(howDidWeDo, second.answers)).toBe('Late delivery');
  });

  it('takes nothing from a form with a bad value', () => {
    const outcome = readAnswerForm(howDidWeDo, { 'q.score': '11', 'q.better': 'text' }, [], { score: 5 });
    expect(outcome).toEqual({
      answers: { score: 5 },
      problems: [{ field: 'q.score', reason: 'must be a whole number from 0 to 10' }],
      missing: [],
    });
  });

  it('rates each purchased product by its position in the order and reports what is missing', () => {
    const products = ['Rye loaf', 'Sourdough'];
    const outcome = readAnswerForm(productRatings, { 'q.products.1': '2' }, products);
    expect(outcome.answers).toEqual({ products: { Sourdough: 2 } });
    expect(outcome.missing).toEqual([]);
    expect(readAnswerForm(productRatings, {}, products).missing).toEqual(['products']);
    expect(readAnswerForm(productRatings, { 'q.products.0': '0' }, products).problems).toEqual([
      { field: 'q.products.0', reason: 'must be 1 to 5 stars' },
    ]);
  });

  it('checks choices against the survey', () => {
    const survey = parseSurveyDefinition({
      questions: [
        { id: 'how', type: 'multiple-choice', prompt: 'How did you find us?', options: ['Friend', 'Web'] },
      ],
    });
    if (!('definition' in survey)) throw new Error('the survey should parse');
    expect(readAnswerForm(survey.definition, { 'q.how': ['Web', 'Friend', 'Web'] }, []).answers).toEqual({
      how: ['Web', 'Friend'],
    });
    expect(readAnswerForm(survey.definition, { 'q.how': 'Radio' }, []).problems).toEqual([
      { field: 'q.how', reason: '"Radio" is not one of the choices' },
    ]);
  });
});

describe('scores', () => {
  it.each([
    ['nps', 6, 'detractor'],
    ['nps', 8, 'passive'],
    ['nps', 9, 'promoter'],
    ['csat', 2, 'detractor'],
    ['csat', 3, 'passive'],
    ['csat', 4, 'promoter'],
  ] as const)('puts %s %i among the %s', (type, score, band) => {
    expect(scoreBand(type, score)).toBe(band);
  });

  it('explains why an answer opens a case, with per-business thresholds', () => {
    expect(lowScoreReasons(howDidWeDo, { score: 6 })).toEqual(['NPS 6']);
    expect(lowScoreReasons(howDidWeDo, { score: 7 })).toEqual([]);
    expect(lowScoreReasons(howDidWeDo, { score: 7 }, { nps: 7, csat: 2, productRating: 2 })).toEqual([
      'NPS 7',
    ]);
    expect(lowScoreReasons(productRatings, { products: { Rye: 1, Bun: 5, Pie: 2 } })).toEqual([
      'Rye rated 1 star',
      'Pie rated 2 stars',
    ]);
  });

  it('inlines only a first question that is a score', () => {
    expect(headlineQuestion(howDidWeDo)?.id).toBe('score');
    expect(headlineQuestion(productRatings)).toBeNull();
  });
});

describe('standard wording', () => {
  it('asks in the buyer language unless the business wrote its own words', () => {
    const [score, better] = howDidWeDo.questions as [SurveyQuestion, SurveyQuestion];
    expect(questionPrompt(score, 'de', 'Northwind')).toBe(
      'Wie wahrscheinlich ist es, dass Sie Northwind einem Freund empfehlen?',
    );
    expect(questionPrompt(better, 'es', 'Northwind')).toBe('¿Qué podríamos mejorar?');
    expect(questionPrompt({ ...score, prompt: 'Would you come back?' }, 'fr', 'Northwind')).toBe(
      'Would you come back?',
    );
  });
});

describe('wording per language', () => {
  const [score] = howDidWeDo.questions as [SurveyQuestion];

  it('uses the wording for the buyer language, else the standard one for that language', () => {
    const question: SurveyQuestion = { ...score, prompts: { es: '¿Nos recomendarías?' } };
    expect(questionPrompt(question, 'es', 'Northwind')).toBe('¿Nos recomendarías?');
    expect(questionPrompt(question, 'en', 'Northwind')).toBe(
      'How likely are you to recommend Northwind to a friend?',
    );
  });

  it('prefers the wording for a language over the one for every language', () => {
    const question: SurveyQuestion = { ...score, prompt: 'For all', prompts: { de: 'Für Sie' } };
    expect(questionPrompt(question, 'de', 'Northwind')).toBe('Für Sie');
    expect(questionPrompt(question, 'fr', 'Northwind')).toBe('For all');
  });

  it('shows a choice question in another language when its own has no wording', () => {
    const question: SurveyQuestion = {
      id: 'how',
      type: 'single-choice',
      prompt: null,
      prompts: { fr: 'Comment nous avez-vous connus ?' },
      required: false,
      options: ['Web', 'Ami'],
    };
    expect(questionPrompt(question, 'en', 'Northwind')).toBe('Comment nous avez-vous connus ?');
    expect(standardPrompt(question, 'en', 'Northwind')).toBeNull();
    expect(parseSurveyDefinition({ questions: [question], thankYou: null })).toEqual({
      definition: { questions: [question], thankYou: null },
    });
  });

  it('drops blank wording and names a language the product does not have', () => {
    const parsed = parseSurveyDefinition({
      questions: [{ ...score, prompts: { en: '  ', it: 'Ci consiglieresti?', fr: 7 } }],
      thankYou: null,
    });
    expect(parsed).toEqual({
      problems: [
        { field: 'questions[0].prompts.it', reason: 'is not one of en, es, fr, de' },
        { field: 'questions[0].prompts.fr', reason: 'must be text or null' },
      ],
    });
    const blank = parseSurveyDefinition({ questions: [{ ...score, prompts: { en: ' ' } }], thankYou: null });
    expect(blank).toEqual({ definition: { questions: [score], thankYou: null } });
  });
});
