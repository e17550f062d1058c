package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.BotApiSpec.Field;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rules of particular methods: chat_id/message_id or inline_message_id for edits, the webhook URL
 * and secret, a chat_id that names a chat, and the error Telegram gives for a missing parameter.
 */
final class MethodRules {

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private MethodRules() {}

    static void requireMessageOrInline(
            Definition method, Map<String, JsonNode> params, List<Issue> issues) {
        Map<String, Field> f = method.fields();
        if (!f.containsKey("inline_message_id")
                || !f.containsKey("chat_id")
                || !f.containsKey("message_id")
                || params.containsKey("inline_message_id")) {
            return;
        }
        if (!params.containsKey("chat_id")) {
            issues.add(
                    Issue.rejected(
                            "chat_id",
                            "missing: chat_id and message_id are required without "
                                    + "inline_message_id",
                            "Bad Request: chat_id is empty"));
        }
        if (!params.containsKey("message_id")) {
            issues.add(
                    Issue.rejected(
                            "message_id",
                            "missing: chat_id and message_id are required without "
                                    + "inline_message_id",
                            "Bad Request: message identifier is not specified"));
        }
    }

    static void check(Definition method, Map<String, JsonNode> params, List<Issue> issues) {
        if (method.name().equals("setWebhook")) {
            JsonNode url = params.get("url");
            if (url != null && url.isTextual() && !url.asText().isEmpty()) {
                webhookUrl(url.asText(), issues);
            }
            JsonNode secret = params.get("secret_token");
            if (secret != null
                    && secret.isTextual()
                    && !secret.asText().isEmpty()
                    && !SECRET.matcher(secret.asText()).matches()) {
                issues.add(
                        Issue.rejected(
                                "secret_token",
                                "only A-Z, a-z, 0-9, _ and - are allowed (1-256 characters)",
                                "Bad Request: secret token contains unallowed characters"));
            }
        }
        JsonNode chatId = params.get("chat_id");
        if (chatId != null
                && chatId.isTextual()
                && !chatId.asText().matches("-?[0-9]{1,18}|@[A-Za-z0-9_]{4,32}")) {
            issues.add(
                    Issue.rejected(
                            "chat_id",
                            "\""
                                    + SpecValidator.abbreviate(chatId.asText())
                                    + "\" is neither a chat id nor an @username",
                            "Bad Request: chat not found"));
        }
    }

    private static void webhookUrl(String url, List<Issue> issues) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            issues.add(
                    Issue.rejected(
                            "url",
                            "not a URL: " + url,
                            "Bad Request: bad webhook: Failed to parse URL"));
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            issues.add(
                    Issue.rejected(
                            "url",
                            "webhook URL must be HTTPS: " + url,
                            "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"));
            return;
        }
        int port = uri.getPort();
        if (port != -1 && port != 443 && port != 80 && port != 88 && port != 8443) {
            issues.add(
                    Issue.rejected(
                            "url",
                            "webhook port " + port + " is not 443, 80, 88 or 8443",
                            "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443"));
        }
    }

    static String missingError(String method, String param) {
        return switch (param) {
            case "text" -> "Bad Request: message text is empty";
            case "chat_id" -> "Bad Request: chat_id is empty";
            case "message_id" -> "Bad Request: message identifier is not specified";
            case "document", "photo", "audio", "video", "voice", "animation", "sticker" ->
                    "Bad Request: there is no " + param + " in the request";
            default -> "Bad Request: parameter \"" + param + "\" is required";
        };
    }
}
