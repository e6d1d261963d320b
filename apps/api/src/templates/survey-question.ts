import {
  type BuyerLocale,
  headlineQuestion,
  questionPrompt,
  SCALES,
  scaleEnds,
  type SurveyDefinition,
} from '@rapport/domain';
import type { SurveyQuestionContext } from './template-context';

/**
 * The opinion request's inline question: one link per score, each opening the answer page with that score
 * chosen (and recording nothing until the buyer sends it). Null when the survey does not start with a score.
 */
export function surveyQuestionContext(
  definition: SurveyDefinition,
  locale: BuyerLocale,
  businessName: string,
  answerUrl: string,
): SurveyQuestionContext | null {
  const question = headlineQuestion(definition);
  if (!question) return null;
  const { min, max } = SCALES[question.type];
  const ends = scaleEnds(question.type, locale);
  const scale: SurveyQuestionContext['scale'] = [];
  for (let score = min; score <= max; score += 1) scale.push({ score, url: `${answerUrl}?score=${score}` });
  return {
    question: questionPrompt(question, locale, businessName),
    lowLabel: ends.low,
    highLabel: ends.high,
    scale,
  };
}
