// The language packages of NLP.js ship no type declarations; this covers the tools the comment themes use.
interface NlpTokenizer {
  tokenize(text: string, normalize?: boolean): string[];
}
interface NlpStemmer {
  stemWord(word: string): string;
}
interface NlpNormalizer {
  normalize(text: string): string;
}
interface NlpStopwords {
  isStopword(word: string): boolean;
}

declare module '@nlpjs/lang-en-min' {
  export class TokenizerEn implements NlpTokenizer {
    tokenize(text: string, normalize?: boolean): string[];
  }
  export class StemmerEn implements NlpStemmer {
    stemWord(word: string): string;
  }
  export class NormalizerEn implements NlpNormalizer {
    normalize(text: string): string;
  }
  export class StopwordsEn implements NlpStopwords {
    isStopword(word: string): boolean;
  }
}
declare module '@nlpjs/lang-es' {
  export class TokenizerEs implements NlpTokenizer {
    tokenize(text: string, normalize?: boolean): string[];
  }
  export class StemmerEs implements NlpStemmer {
    stemWord(word: string): string;
  }
  export class NormalizerEs implements NlpNormalizer {
    normalize(text: string): string;
  }
  export class StopwordsEs implements NlpStopwords {
    isStopword(word: string): boolean;
  }
}
declare module '@nlpjs/lang-fr' {
  export class TokenizerFr implements NlpTokenizer {
    tokenize(text: string, normalize?: boolean): string[];
  }
  export class StemmerFr implements NlpStemmer {
    stemWord(word: string): string;
  }
  export class NormalizerFr implements NlpNormalizer {
    normalize(text: string): string;
  }
  export class StopwordsFr implements NlpStopwords {
    isStopword(word: string): boolean;
  }
}
declare module '@nlpjs/lang-de' {
  export class TokenizerDe implements NlpTokenizer {
    tokenize(text: string, normalize?: boolean): string[];
  }
  export class StemmerDe implements NlpStemmer {
    stemWord(word: string): string;
  }
  export class NormalizerDe implements NlpNormalizer {
    normalize(text: string): string;
  }
  export class StopwordsDe implements NlpStopwords {
    isStopword(word: string): boolean;
  }
}
