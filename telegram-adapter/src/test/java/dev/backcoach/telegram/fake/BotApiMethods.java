package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.MessageStore.ChatOrError;
import dev.backcoach.telegram.fake.SpecValidator.Validation;
import java.util.List;
import java.util.Map;

/**
 * What a valid request does: getMe, deleteWebhook/setWebhook/getWebhookInfo,
 * setMyCommands/getMyCommands/deleteMyCommands, the descriptions, sendMessage and the other send
 * methods, the edits (with Telegram's "message to edit not found" and "message is not modified"; an
 * edit without reply_markup removes the keyboard, as on Telegram), deleteMessage and
 * answerCallbackQuery. Any other method of the spec answers its type's empty value, or {@code
 * true}. getUpdates is the {@link UpdateQueue}'s, as it waits outside this.
 */
final class BotApiMethods {

    private final UpdateQueue queue;
    private final MessageStore store;
    private final UserUpdates users;
    private final BotProfile profile;
    private final TelegramJson json;

    BotApiMethods(
            UpdateQueue queue,
            MessageStore store,
            UserUpdates users,
            BotProfile profile,
            TelegramJson json) {
        this.queue = queue;
        this.store = store;
        this.users = users;
        this.profile = profile;
        this.json = json;
    }

    /** Runs a valid request; called under the lock. */
    ApiReply execute(Definition method, Validation v) {
        Map<String, JsonNode> p = v.params();
        String name = method.name();
        switch (name) {
            case "getMe":
                return ApiReply.ok(json.botUser(true));
            case "logOut":
            case "close":
                return ApiReply.ok(BooleanNode.TRUE);
            case "deleteWebhook":
                return queue.deleteWebhook(p);
            case "setWebhook":
                return queue.setWebhook(p);
            case "getWebhookInfo":
                return ApiReply.ok(queue.webhookInfo());
            case "setMyCommands":
                return profile.setMyCommands(p);
            case "setMyDescription":
            case "setMyShortDescription":
                return profile.setDescription(name, p);
            case "deleteMyCommands":
                return profile.deleteMyCommands(p);
            case "getMyCommands":
                return profile.getMyCommands(p);
            case "answerCallbackQuery":
                return users.answerCallbackQuery(p);
            case "editMessageText":
            case "editMessageCaption":
            case "editMessageReplyMarkup":
                return store.edit(name, v);
            case "deleteMessage":
                return store.deleteMessage(p);
            default:
                break;
        }
        if (p.containsKey("chat_id") && MessageStore.isSendOrEdit(name)) {
            ChatOrError target = store.chatFor(p);
            if (target.error() != null) {
                return target.error();
            }
            if (method.returns().contains("Message") && name.startsWith("send")) {
                return store.send(name, v, target.chat());
            }
        }
        return ApiReply.ok(defaultResult(method));
    }

    private static JsonNode defaultResult(Definition method) {
        List<String> returns = method.returns();
        if (returns.isEmpty() || returns.contains("True") || returns.contains("Boolean")) {
            return BooleanNode.TRUE;
        }
        String r = returns.get(0);
        if (r.startsWith("Array of")) {
            return JsonNodeFactory.instance.arrayNode();
        }
        return switch (r) {
            case "Integer" -> JsonNodeFactory.instance.numberNode(0);
            case "String" -> TextNode.valueOf("");
            default -> BooleanNode.TRUE;
        };
    }
}
