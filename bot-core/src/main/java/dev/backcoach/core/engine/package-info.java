/**
 * The pure conversation engine. {@link dev.backcoach.core.engine.Engine} is the only public type;
 * the flows behind it are package-private so the engine can change shape without breaking callers.
 */
@NullMarked
package dev.backcoach.core.engine;

import org.jspecify.annotations.NullMarked;
