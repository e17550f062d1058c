/**
 * Runs turns: serialized per user, sessions cached in front of a {@link
 * dev.backcoach.core.service.StateStore}, state saved before any reply leaves.
 */
@NullMarked
package dev.backcoach.core.service;

import org.jspecify.annotations.NullMarked;
