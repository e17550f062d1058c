package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Discord sends: users, READY, messages and INTERACTION_CREATE, with what JDA 6.5 reads.
 */
final class Payloads {
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * All permissions a member could have in a channel, as Discord sends them: a decimal string.
     */
    private static final String PERMISSIONS = "2248473465835073";

    final long botId;
    final long applicationId;

    Payloads(long botId, long applicationId) {
        this.botId = botId;
        this.applicationId = applicationId;
    }

    ObjectNode user(long id, String name, boolean bot) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", Long.toString(id));
        user.put("username", name);
        user.put("discriminator", "0");
        user.putNull("global_name");
        user.putNull("avatar");
        user.put("bot", bot);
        user.put("public_flags", 0);
        user.put("flags", 0);
        return user;
    }

    ObjectNode self() {
        ObjectNode self = user(botId, "BackCoachTest", true);
        self.put("verified", true);
        self.put("mfa_enabled", false);
        return self;
    }

    ObjectNode ready(String sessionId, String resumeUrl, int shard, int total) {
        ObjectNode d = JSON.createObjectNode();
        d.put("v", 10);
        d.set("user", self());
        d.set("guilds", JSON.createArrayNode());
        d.set("private_channels", JSON.createArrayNode()); // undocumented, but JDA requires it
        d.set("relationships", JSON.createArrayNode());
        d.set("presences", JSON.createArrayNode());
        d.put("session_id", sessionId);
        d.put("session_type", "normal");
        d.put("resume_gateway_url", resumeUrl);
        d.set("shard", JSON.createArrayNode().add(shard).add(total));
        ObjectNode application = d.putObject("application");
        application.put("id", Long.toString(applicationId));
        application.put("flags", 0);
        return d;
    }

    /** A message as Discord returns it, built from what the bot sent. */
    ObjectNode message(
            long id,
            long channelId,
            String content,
            int flags,
            JsonNode components,
            @Nullable Instant edited) {
        ObjectNode m = JSON.createObjectNode();
        // Snowflakes are unsigned 64-bit: a forged id that reads as negative here is sent as
        // Discord would write it (found by the fault suite's Discord fuzzing, seed 381422396).
        m.put("id", Long.toUnsignedString(id));
        m.put("channel_id", Long.toUnsignedString(channelId));
        m.set("author", self());
        m.put("content", content);
        m.put("timestamp", Snowflakes.instantOf(id).toString());
        if (edited == null) {
            m.putNull("edited_timestamp");
        } else {
            m.put("edited_timestamp", edited.toString());
        }
        m.put("tts", false);
        m.put("mention_everyone", false);
        m.set("mentions", JSON.createArrayNode());
        m.set("mention_roles", JSON.createArrayNode());
        m.set("attachments", JSON.createArrayNode());
        m.set("embeds", JSON.createArrayNode());
        m.put("pinned", false);
        m.put("type", 0);
        m.put("flags", flags);
        m.set("components", components);
        m.put("application_id", Long.toString(applicationId));
        return m;
    }

    /**
     * An INTERACTION_CREATE body. In a server ({@code guildId} not 0) the user comes as a member,
     * the channel as a text channel and the guild as a detached one (the bot caches no guilds).
     */
    /** The Discord client language of each user ("es-ES"); en-US unless set. */
    private final java.util.Map<Long, String> locales =
            new java.util.concurrent.ConcurrentHashMap<>();

    void locale(long userId, String locale) {
        locales.put(userId, locale);
    }

    ObjectNode interaction(
            long id,
            String token,
            int type,
            long userId,
            long guildId,
            long channelId,
            ObjectNode data,
            @Nullable JsonNode message) {
        ObjectNode in = JSON.createObjectNode();
        in.put("id", Long.toString(id));
        in.put("application_id", Long.toString(applicationId));
        in.put("type", type);
        in.put("token", token);
        in.put("version", 1);
        in.set("data", data);
        in.put("locale", locales.getOrDefault(userId, "en-US"));
        in.put("app_permissions", PERMISSIONS);
        in.set("entitlements", JSON.createArrayNode());
        in.put("attachment_size_limit", 10_485_760);
        in.put("channel_id", Long.toString(channelId));
        ObjectNode channel = in.putObject("channel");
        channel.put("id", Long.toString(channelId));
        ObjectNode owners = in.putObject("authorizing_integration_owners");
        ObjectNode user = user(userId, "user" + userId, false);
        if (guildId != 0) {
            in.put("guild_id", Long.toString(guildId));
            in.put("guild_locale", "en-US");
            in.put("context", 0);
            owners.put("0", Long.toString(guildId));
            ObjectNode guild = in.putObject("guild");
            guild.put("id", Long.toString(guildId));
            guild.put("locale", "en-US");
            guild.set("features", JSON.createArrayNode());
            channel.put("type", 0);
            channel.put("guild_id", Long.toString(guildId));
            channel.put("name", "general");
            channel.put("position", 0);
            channel.put("permissions", PERMISSIONS);
            channel.put("nsfw", false);
            channel.set("permission_overwrites", JSON.createArrayNode());
            channel.put("flags", 0);
            ObjectNode member = in.putObject("member");
            member.set("user", user);
            member.set("roles", JSON.createArrayNode());
            member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
            member.put("deaf", false);
            member.put("mute", false);
            member.put("pending", false);
            member.put("flags", 0);
            member.put("permissions", PERMISSIONS);
        } else {
            in.put("context", 1);
            owners.put("0", Long.toString(0)); // installed to a server, used in the bot's DM
            channel.put("type", 1);
            channel.put("flags", 0);
            ArrayNode recipients = channel.putArray("recipients");
            recipients.add(user.deepCopy());
            in.set("user", user);
        }
        if (message != null) {
            in.set("message", message);
        }
        return in;
    }

    static ObjectNode object(Map<String, ?> fields) {
        return JSON.valueToTree(fields);
    }
}
