/** Wiring, configuration, the terminal chat and the entry point. */
@NullMarked
package dev.backcoach.app;

import org.jspecify.annotations.NullMarked;
