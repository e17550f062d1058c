/**
 * Answers to typed questions: the FAQ and a little small talk, matched on words read as the
 * red-flag screen reads them.
 */
@NullMarked
package dev.backcoach.core.faq;

import org.jspecify.annotations.NullMarked;
