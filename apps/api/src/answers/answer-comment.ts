/**
 * What a buyer wrote about an answer (`answers a`), in SQL: their text answers, then their email replies;
 * NULL when they wrote nothing. Every list, timeline, case and report shows the same words.
 */
export const ANSWER_COMMENT = `nullif(concat_ws(E'\\n\\n', a.comment, a.reply_comment), '')`;
