import {
  BUILT_IN_THEMES,
  type CommentLanguage,
  type MentionSentiment,
  type ThemeMention,
} from '@rapport/domain';
import { guessLanguage } from './language-guess';
import { type LanguageTools, languageTools } from './language-tools';
import { THEME_CUES } from './theme-cues';
import { TONE_WORDS } from './tone-words';
import { WordList } from './word-lists';

/** A theme of the business's own: its key and the words that name it (in any of the four languages). */
export interface OwnTheme {
  key: string;
  keywords: readonly string[];
}

interface Lexicons {
  tools: LanguageTools;
  themes: { theme: string; cues: WordList }[];
  positive: WordList;
  negative: WordList;
  negators: WordList;
  intensifiers: WordList;
  contrasts: WordList;
}

const lexicons = new Map<CommentLanguage, Lexicons>();

function lexiconsOf(language: CommentLanguage): Lexicons {
  let found = lexicons.get(language);
  if (!found) {
    const tools = languageTools(language);
    const tone = TONE_WORDS[language];
    found = {
      tools,
      themes: BUILT_IN_THEMES.map((theme) => ({
        theme,
        cues: new WordList(THEME_CUES[language][theme], tools),
      })),
      positive: new WordList(tone.positive, tools, false),
      negative: new WordList(tone.negative, tools, false),
      negators: new WordList(tone.negators, tools, false),
      intensifiers: new WordList(tone.intensifiers, tools, false),
      contrasts: new WordList(tone.contrasts, tools, false),
    };
    lexicons.set(language, found);
  }
  return found;
}

/** How far back a negation reaches: "not very fresh", "pas du tout frais". */
const NEGATION_REACH = 3;
/** At most this much of a comment is read: past it, a comment says no more about themes. */
const MAX_CHARS = 5000;

/** A clause's tone: its score and the words that made it. */
interface Tone {
  score: number;
  words: string[];
}

function toneOf(tokens: readonly string[], lex: Lexicons): Tone {
  let score = 0;
  const words: string[] = [];
  const negatorsUsed = new Set<number>();
  let lastNegator = -1;
  for (let at = 0; at < tokens.length; at++) {
    const positive = lex.positive.matchAt(tokens, at);
    const negative = positive ? 0 : lex.negative.matchAt(tokens, at);
    const length = positive || negative;
    if (!length) continue;
    // A negator that is also a word of tone ("never") counts as a negator when it turns a word after it.
    if (negative && lex.negators.matchAt(tokens, at) && hasToneWithin(tokens, at + 1, lex)) continue;
    let value = positive ? 1 : -1;
    const said = tokens.slice(at, at + length);
    for (let back = at - 1; back >= Math.max(0, at - NEGATION_REACH); back--) {
      const word = tokens[back] ?? '';
      if (lex.intensifiers.matchAt(tokens, back)) {
        value *= 1.5;
        said.unshift(word);
      } else if (lex.negators.matchAt(tokens, back)) {
        value = -value;
        negatorsUsed.add(back);
        said.unshift(word);
        break;
      }
    }
    score += value;
    words.push(...said);
    at += length - 1;
  }
  for (let at = 0; at < tokens.length; at++) if (lex.negators.matchAt(tokens, at)) lastNegator = at;
  // Something that did not happen, said with no word of tone ("nobody picked up", "couldn't get an
  // appointment", "keine Antwort"), is a complaint.
  if (score === 0 && words.length === 0 && lastNegator >= 0) {
    return { score: -1, words: [tokens[lastNegator] ?? ''] };
  }
  return { score, words };
}

function hasToneWithin(tokens: readonly string[], from: number, lex: Lexicons): boolean {
  for (let at = from; at < Math.min(tokens.length, from + NEGATION_REACH); at++)
    if (lex.positive.matchAt(tokens, at) || lex.negative.matchAt(tokens, at)) return true;
  return false;
}

/** The text in clauses: sentences and comma-separated parts, split again at "but", "pero", "mais", "aber". */
function clausesOf(text: string, lex: Lexicons): string[][] {
  const clauses: string[][] = [];
  for (const part of text.slice(0, MAX_CHARS).split(/[.!?;:\n\r]+|,\s|\s[-–—]\s|\(|\)/)) {
    const tokens = lex.tools.words(part);
    let current: string[] = [];
    for (let at = 0; at < tokens.length; at++) {
      const contrast = lex.contrasts.matchAt(tokens, at);
      if (contrast) {
        if (current.length) clauses.push(current);
        current = [];
        at += contrast - 1;
        continue;
      }
      current.push(tokens[at] ?? '');
    }
    if (current.length) clauses.push(current);
  }
  return clauses;
}

/** The tone of the nearest clause that has one, the next before the previous; null for none. */
function nearestTone(tones: readonly Tone[], index: number): number | null {
  for (let distance = 1; distance < tones.length; distance++) {
    const after = tones[index + distance]?.score ?? 0;
    if (after !== 0) return after;
    const before = tones[index - distance]?.score ?? 0;
    if (before !== 0) return before;
  }
  return null;
}

function sentimentOf(score: number): MentionSentiment {
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

/**
 * The themes a comment talks about, each with the sentiment it is spoken of in and the words that said
 * so. Read in `language` when known (the buyer's), else in the language the words say, else `fallback`.
 * A theme takes the tone of the clauses that name it; a bare mention ("the bread") takes the comment's
 * tone when the comment has one tone only. Deterministic: the same text gives the same themes.
 */
export function commentThemes(
  text: string,
  options: { language?: CommentLanguage; fallback?: CommentLanguage; ownThemes?: readonly OwnTheme[] } = {},
): ThemeMention[] {
  if (!text.trim()) return [];
  const language = options.language ?? guessLanguage(text, options.fallback ?? 'en');
  const lex = lexiconsOf(language);
  const themes = [
    ...lex.themes,
    ...(options.ownThemes ?? []).map((own) => ({
      theme: own.key,
      cues: new WordList(
        own.keywords.flatMap((keyword) => lex.tools.words(keyword).join('_') || []),
        lex.tools,
      ),
    })),
  ];
  const clauses = clausesOf(text, lex);
  const tones = clauses.map((clause) => toneOf(clause, lex));
  const overall = tones.reduce((sum, tone) => sum + Math.sign(tone.score), 0);
  const found = new Map<string, { score: number; cues: string[]; tone: string[] }>();
  clauses.forEach((clause, index) => {
    const tone = tones[index] ?? { score: 0, words: [] };
    for (const { theme, cues } of themes) {
      const named: string[] = [];
      for (let at = 0; at < clause.length; at++) {
        const length = cues.matchAt(clause, at);
        if (!length) continue;
        named.push(clause.slice(at, at + length).join(' '));
        at += length - 1;
      }
      if (named.length === 0) continue;
      // A clause with no tone of its own ("parcel arrived next day, well packed") speaks in the tone of
      // the clause nearest to it, else of the whole comment.
      const score = tone.score !== 0 ? tone.score : (nearestTone(tones, index) ?? Math.sign(overall));
      const entry = found.get(theme) ?? { score: 0, cues: [], tone: [] };
      entry.score += score;
      entry.cues.push(...named);
      if (score !== 0) entry.tone.push(...tone.words);
      found.set(theme, entry);
    }
  });
  return [...found.entries()].map(([theme, entry]) => ({
    theme,
    sentiment: sentimentOf(entry.score),
    cues: [...new Set(entry.cues)],
    tone: [...new Set(entry.tone)],
  }));
}
