/** The content catalog: every text, question, technique and routine, loaded from JSON. */
@NullMarked
package dev.backcoach.core.content;

import org.jspecify.annotations.NullMarked;
