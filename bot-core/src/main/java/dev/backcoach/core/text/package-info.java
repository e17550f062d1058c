/**
 * Reading what people type, shared by the red-flag screen and the FAQ: Apache Lucene's tokenizer,
 * synonyms, Porter stems and Levenshtein automata for typos ({@link
 * dev.backcoach.core.text.WordAnalyzer}), a message read into words by position ({@link
 * dev.backcoach.core.text.ReadText}), and short word patterns that match as Lucene's ordered span
 * queries do ({@link dev.backcoach.core.text.Phrase}).
 */
@NullMarked
package dev.backcoach.core.text;

import org.jspecify.annotations.NullMarked;
