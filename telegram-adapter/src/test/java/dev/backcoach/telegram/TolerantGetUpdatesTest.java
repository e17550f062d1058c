package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Found by the fault suite's fuzzed updates: one update with a field of an unexpected type made the
 * whole getUpdates batch unreadable, so it was never confirmed and long polling stood still.
 */
class TolerantGetUpdatesTest {
    static final String GOOD_1 =
            "{\"update_id\":11,\"message\":{\"message_id\":1,\"date\":1700000000,"
                    + "\"chat\":{\"id\":5,\"type\":\"private\"},\"from\":{\"id\":5,\"is_bot\":false,"
                    + "\"first_name\":\"A\"},\"text\":\"/start\"}}";
    static final String POISON =
            "{\"update_id\":12,\"message\":{\"message_id\":2,\"date\":1700000000,"
                    + "\"chat\":{\"id\":6,\"type\":\"private\"},\"text\":{\"nested\":true}}}";
    static final String GOOD_2 = GOOD_1.replace("\"update_id\":11", "\"update_id\":13");

    final GetUpdates request = new TolerantGetUpdates(GetUpdates.builder().offset(11).build());

    @Test
    void theLibraryAloneLosesTheWholeBatch() {
        assertThatThrownBy(
                        () ->
                                GetUpdates.builder()
                                        .build()
                                        .deserializeResponse(batch(GOOD_1, POISON, GOOD_2)))
                .isInstanceOf(TelegramApiRequestException.class);
    }

    @Test
    void anUnreadableUpdateIsKeptAsItsIdAloneAndTheRestServed() throws Exception {
        List<Update> updates = request.deserializeResponse(batch(GOOD_1, POISON, GOOD_2));

        assertThat(updates).extracting(Update::getUpdateId).containsExactly(11, 12, 13);
        assertThat(updates.get(0).getMessage().getText()).isEqualTo("/start");
        assertThat(updates.get(1).hasMessage()).as("ignored, yet confirmed by its id").isFalse();
        assertThat(updates.get(2).getMessage().getText()).isEqualTo("/start");
    }

    @Test
    void errorAnswersAreStillTheLibrarysErrors() {
        assertThatThrownBy(
                        () ->
                                request.deserializeResponse(
                                        "{\"ok\":false,\"error_code\":409,"
                                                + "\"description\":\"Conflict: terminated by other getUpdates request\"}"))
                .isInstanceOf(TelegramApiRequestException.class)
                .hasMessageContaining("Conflict");
    }

    @Test
    void keepsTheOffsetAndLimitOfTheRequestItWraps() {
        GetUpdates wrapped =
                new TolerantGetUpdates(
                        GetUpdates.builder().offset(7).limit(100).timeout(50).build());
        assertThat(wrapped.getOffset()).isEqualTo(7);
        assertThat(wrapped.getLimit()).isEqualTo(100);
        assertThat(wrapped.getTimeout()).isEqualTo(50);
    }

    static String batch(String... updates) {
        return "{\"ok\":true,\"result\":[" + String.join(",", updates) + "]}";
    }
}
