import type { SurveyDefinition } from './survey-schema';

export interface DefaultSurvey {
  name: string;
  definition: SurveyDefinition;
}

/**
 * The surveys every new business starts with. Their questions use the standard wording (prompt null), so
 * each buyer reads them in their own language; a business that rewrites one writes its own words.
 */
export const DEFAULT_SURVEYS: readonly DefaultSurvey[] = [
  {
    name: 'How did we do?',
    definition: {
      questions: [
        { id: 'score', type: 'nps', prompt: null, required: true },
        {
          id: 'better',
          type: 'text',
          prompt: null,
          required: false,
          showWhen: { question: 'score', atMost: 6 },
        },
        {
          id: 'loved',
          type: 'text',
          prompt: null,
          required: false,
          showWhen: { question: 'score', atLeast: 9 },
        },
        {
          id: 'comment',
          type: 'text',
          prompt: null,
          required: false,
          showWhen: { question: 'score', atLeast: 7, atMost: 8 },
        },
      ],
      thankYou: null,
    },
  },
  {
    name: 'Rate your products',
    definition: {
      questions: [
        { id: 'products', type: 'product-rating', prompt: null, required: true },
        { id: 'comment', type: 'text', prompt: null, required: false },
      ],
      thankYou: null,
    },
  },
];

/** The survey the default opinion-request rule attaches. */
export const DEFAULT_OPINION_SURVEY = DEFAULT_SURVEYS[0].name;
export const DEFAULT_OPINION_DEFINITION = DEFAULT_SURVEYS[0].definition;
