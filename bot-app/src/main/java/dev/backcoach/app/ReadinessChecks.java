package dev.backcoach.app;

import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.Readiness;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** What /readyz asks, in order: the database, then each enabled platform. */
final class ReadinessChecks {
    private ReadinessChecks() {}

    /**
     * @param closing set once the bot stops: the database check then says "stopping"
     */
    static Map<String, Readiness> of(
            AtomicBoolean closing,
            ConversationService service,
            @Nullable Readiness telegram,
            @Nullable Readiness discord) {
        Map<String, Readiness> checks = new LinkedHashMap<>();
        checks.put(
                "database",
                () -> {
                    if (closing.get()) {
                        return Optional.of("stopping");
                    }
                    service.health().probe();
                    var state = service.health().state();
                    return state.up() ? Optional.empty() : Optional.of(state.reason());
                });
        if (telegram != null) {
            checks.put("telegram", telegram);
        }
        if (discord != null) {
            checks.put("discord", discord);
        }
        return checks;
    }
}
