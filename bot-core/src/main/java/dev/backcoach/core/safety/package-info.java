/**
 * The free-text screen: reads every typed message for warning signs before anything else does. Text
 * analysis is Apache Lucene's (tokenizer, synonyms, Porter stems, Levenshtein automata for typos);
 * patterns match as Lucene's ordered span queries do; the rules are catalog content.
 */
@NullMarked
package dev.backcoach.core.safety;

import org.jspecify.annotations.NullMarked;
