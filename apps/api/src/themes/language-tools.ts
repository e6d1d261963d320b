import { NormalizerDe, StemmerDe, StopwordsDe, TokenizerDe } from '@nlpjs/lang-de';
import { NormalizerEn, StemmerEn, StopwordsEn, TokenizerEn } from '@nlpjs/lang-en-min';
import { NormalizerEs, StemmerEs, StopwordsEs, TokenizerEs } from '@nlpjs/lang-es';
import { NormalizerFr, StemmerFr, StopwordsFr, TokenizerFr } from '@nlpjs/lang-fr';
import type { CommentLanguage } from '@rapport/domain';

/** NLP.js's tokeniser, stemmer (Snowball), normaliser and stop words of one language. */
export interface LanguageTools {
  /** Lower case, accents off, contractions opened (`wasn't` → `was not`), punctuation dropped. */
  words(text: string): string[];
  normalize(text: string): string;
  stem(word: string): string;
  isStopword(word: string): boolean;
}

function toolsOf(
  tokenizer: NlpTokenizer,
  stemmer: NlpStemmer,
  normalizer: NlpNormalizer,
  stopwords: NlpStopwords,
): LanguageTools {
  const stems = new Map<string, string>();
  return {
    words: (text) => tokenizer.tokenize(text, true).filter((word) => word !== ''),
    normalize: (text) => normalizer.normalize(text),
    stem: (word) => {
      let stem = stems.get(word);
      if (stem === undefined) {
        stem = stemmer.stemWord(word);
        // A bounded cache: comments use a small vocabulary, a hostile text a large one.
        if (stems.size < 50_000) stems.set(word, stem);
      }
      return stem;
    },
    isStopword: (word) => stopwords.isStopword(word),
  };
}

const TOOLS: Record<CommentLanguage, LanguageTools> = {
  en: toolsOf(new TokenizerEn(), new StemmerEn(), new NormalizerEn(), new StopwordsEn()),
  es: toolsOf(new TokenizerEs(), new StemmerEs(), new NormalizerEs(), new StopwordsEs()),
  fr: toolsOf(new TokenizerFr(), new StemmerFr(), new NormalizerFr(), new StopwordsFr()),
  de: toolsOf(new TokenizerDe(), new StemmerDe(), new NormalizerDe(), new StopwordsDe()),
};

export function languageTools(language: CommentLanguage): LanguageTools {
  return TOOLS[language];
}
