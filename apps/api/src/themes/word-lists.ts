import type { LanguageTools } from './language-tools';

/** Stems shorter than this stand for too many words ("dev": devis, devait, devant) to match by. */
const MIN_STEM = 5;

/**
 * A compiled list of words: each word matches itself and the words of its stem, `word*` matches what
 * starts so, `*word` what ends so (the last part of a German compound: `*brot` is Vollkornbrot), `a_b`
 * a phrase. Built once per language and list; matching is a set look-up per token.
 */
export class WordList {
  private readonly words = new Set<string>();
  private readonly stems = new Set<string>();
  private readonly prefixes: string[] = [];
  private readonly suffixes: string[] = [];
  /** Phrases by their first word. */
  private readonly phrases = new Map<string, string[][]>();

  /** `byStem`: a word also matches the words of its stem (theme cues); tone words match as written. */
  constructor(
    spec: string | readonly string[],
    private readonly tools: LanguageTools,
    private readonly byStem = true,
  ) {
    const entries = typeof spec === 'string' ? spec.split(/\s+/) : spec;
    for (const raw of entries) {
      const entry = raw.trim();
      if (entry === '') continue;
      if (entry.includes('_')) {
        const parts = entry.split('_').filter(Boolean);
        const [first] = parts;
        if (first) this.phrases.set(first, [...(this.phrases.get(first) ?? []), parts]);
      } else if (entry.startsWith('*')) {
        this.suffixes.push(entry.slice(1));
      } else if (entry.endsWith('*')) {
        this.prefixes.push(entry.slice(0, -1));
      } else {
        this.words.add(entry);
        const stem = tools.stem(entry);
        if (byStem && stem.length >= MIN_STEM) this.stems.add(stem);
      }
    }
    // Longer phrases first, so "not worth" wins over "not".
    for (const list of this.phrases.values()) list.sort((a, b) => b.length - a.length);
  }

  /** How many tokens from `at` this list matches (a phrase may take several), 0 for none. */
  matchAt(tokens: readonly string[], at: number): number {
    const token = tokens[at];
    if (token === undefined) return 0;
    for (const phrase of this.phrases.get(token) ?? [])
      if (phrase.every((part, offset) => tokens[at + offset] === part)) return phrase.length;
    if (this.words.has(token)) return 1;
    // By stem only where the stem is long enough to mean one thing.
    if (this.byStem && token.length >= MIN_STEM && this.stems.has(this.tools.stem(token))) return 1;
    // A prefix of three letters or fewer would match too much of a language.
    for (const prefix of this.prefixes) if (token.startsWith(prefix)) return 1;
    for (const suffix of this.suffixes) if (token.endsWith(suffix)) return 1;
    return 0;
  }
}
