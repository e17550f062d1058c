package dev.backcoach.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getUpdates that reads each update on its own. The library reads a batch as one list, so one
 * update its model cannot hold (a field of another type than it expects) failed the whole batch,
 * which was then never confirmed and came back at every poll: polling stood still for everyone. An
 * update that cannot be read is now kept with only its id, so it is confirmed and ignored, and the
 * rest of the batch is served.
 */
final class TolerantGetUpdates extends GetUpdates {
    private static final Logger log = LoggerFactory.getLogger(TolerantGetUpdates.class);
    private static final long serialVersionUID = 1L;

    TolerantGetUpdates(GetUpdates request) {
        super(
                request.getOffset(),
                request.getLimit(),
                request.getTimeout(),
                request.getAllowedUpdates());
    }

    @Override
    @SuppressWarnings("NonApiType") // the library's signature
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = OBJECT_MAPPER.readTree(answer);
        } catch (java.io.IOException | RuntimeException e) {
            return super.deserializeResponse(answer); // not JSON: the library's own error
        }
        JsonNode result = root.path("result");
        if (!root.path("ok").asBoolean() || !result.isArray()) {
            return super.deserializeResponse(answer); // an error answer: the library reads it
        }
        ArrayList<Update> updates = new ArrayList<>(result.size());
        for (JsonNode node : result) {
            try {
                updates.add(OBJECT_MAPPER.treeToValue(node, Update.class));
            } catch (java.io.IOException | RuntimeException e) {
                JsonNode id = node.path("update_id");
                if (!id.canConvertToInt()) {
                    log.warn("an update without a usable id was skipped");
                    continue;
                }
                log.warn(
                        "update {} does not fit the Bot API's types ({}); confirmed and ignored",
                        id.asInt(),
                        e.getClass().getSimpleName());
                Update bare = new Update();
                bare.setUpdateId(id.asInt());
                updates.add(bare);
            }
        }
        return updates;
    }
}
