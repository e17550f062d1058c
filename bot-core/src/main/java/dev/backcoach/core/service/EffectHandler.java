package dev.backcoach.core.service;

import dev.backcoach.core.model.Effect;

/** Carries out effects (timers, the progress log) after their turn has been saved. */
@FunctionalInterface
public interface EffectHandler {
    void apply(Effect effect);

    EffectHandler NONE = effect -> {};
}
