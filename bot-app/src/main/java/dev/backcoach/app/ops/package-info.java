/**
 * What operators watch: {@code /healthz}, {@code /readyz} and {@code /metrics} on HTTP_PORT.
 * Metrics carry counts, durations and fixed labels (platform, event kind, route, outcome) only:
 * never a user id and never any text.
 */
@NullMarked
package dev.backcoach.app.ops;

import org.jspecify.annotations.NullMarked;
