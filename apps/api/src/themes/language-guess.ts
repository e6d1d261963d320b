import { COMMENT_LANGUAGES, type CommentLanguage } from '@rapport/domain';
import { languageTools } from './language-tools';

/** Words that say a language as clearly as its stop words do, and that other languages rarely write. */
const MARKERS: Record<CommentLanguage, readonly string[]> = {
  en: ['the', 'and', 'was', 'very', 'not', 'but', 'with', 'great', 'thanks', 'good'],
  es: ['el', 'muy', 'pero', 'que', 'con', 'estaba', 'gracias', 'bien', 'todo', 'nada'],
  fr: ['le', 'tres', 'mais', 'avec', 'etait', 'merci', 'bien', 'pas', 'tout', 'est'],
  de: ['der', 'die', 'und', 'sehr', 'nicht', 'aber', 'mit', 'war', 'danke', 'gut'],
};

/**
 * The language a comment is most likely written in: by how many of its words each language counts among
 * its stop words and markers. A comment too short to tell keeps `fallback` (the buyer's or the business's).
 */
export function guessLanguage(text: string, fallback: CommentLanguage): CommentLanguage {
  let best: CommentLanguage = fallback;
  let bestScore = 0;
  for (const language of COMMENT_LANGUAGES) {
    const tools = languageTools(language);
    const words = tools.words(text.slice(0, 2000));
    const markers = new Set(MARKERS[language]);
    let score = 0;
    for (const word of words) score += (markers.has(word) ? 2 : 0) + (tools.isStopword(word) ? 1 : 0);
    // The fallback wins a tie: it is what is known of the person.
    if (score > bestScore || (score === bestScore && language === fallback)) {
      best = language;
      bestScore = score;
    }
  }
  return bestScore < 2 ? fallback : best;
}
