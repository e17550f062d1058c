package dev.backcoach.faults.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcoach.faults.common.BotApiFake;
import dev.backcoach.faults.common.Shown;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One Telegram user in a private chat: sends one update at a time and waits for its answer, as
 * people do. A third of what they send are commands, a third typed text and a third presses of a
 * button on the newest message with buttons. Presses go forward (Next, No to warning signs, Done),
 * never Back or Repeat, so a technique's steps shown must rise one by one.
 */
final class Person {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Commands that leave the user where they are; /techniques is sent when not in one. */
    private static final List<String> COMMANDS = List.of("/help", "/settings", "/privacy");

    private static final List<String> TEXTS =
            List.of(
                    "ok",
                    "thanks",
                    "hello",
                    "my back feels a bit stiff today",
                    "how long should I do this?",
                    "sitting all day makes it tight");
    private static final Pattern STEP = Pattern.compile("^(.+?) · step (\\d+) of (\\d+)");

    final long id;
    @Nullable Sent pending;
    @Nullable Sent last;
    private @Nullable Shown keyboard;
    private int sent;

    /** The technique step shown last, if the newest message shown was one. */
    @Nullable String stepTitle;

    int step;

    /** Technique steps shown, one after another: the moves the step check covers. */
    int advances;

    private final List<String> violations = new ArrayList<>();

    Person(long id) {
        this.id = id;
    }

    /** The next update, as JSON; {@code kind} is set to what it is. */
    byte[] next(long updateId, Random random, String[] kind) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        int roll = random.nextInt(3);
        Shown onScreen = keyboard;
        if (sent++ == 0) {
            kind[0] = "command";
            message(update, updateId, "/start");
        } else if (roll == 2 && onScreen != null) {
            kind[0] = "press";
            Shown.Button button = choose(onScreen, random);
            ObjectNode press = update.putObject("callback_query");
            press.put("id", id + ":" + updateId); // the fake reads the chat from it
            user(press.putObject("from"));
            press.put("chat_instance", "ci" + id);
            press.put("data", button.data());
            ObjectNode message = press.putObject("message");
            message.put("message_id", onScreen.messageId());
            message.putObject("from")
                    .put("id", 1)
                    .put("is_bot", true)
                    .put("first_name", "Fault")
                    .put("username", BotApiFake.USERNAME);
            chat(message.putObject("chat"));
            message.put("date", System.currentTimeMillis() / 1000);
            message.put("text", onScreen.text().replaceAll("<[^>]+>", ""));
        } else if (roll == 1) {
            kind[0] = "text";
            message(update, updateId, TEXTS.get(random.nextInt(TEXTS.size())));
        } else {
            kind[0] = "command";
            String command =
                    stepTitle == null && random.nextBoolean()
                            ? "/techniques"
                            : COMMANDS.get(random.nextInt(COMMANDS.size()));
            message(update, updateId, command);
        }
        try {
            return JSON.writeValueAsBytes(update);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void message(ObjectNode update, long updateId, String text) {
        ObjectNode message = update.putObject("message");
        message.put("message_id", updateId);
        user(message.putObject("from"));
        chat(message.putObject("chat"));
        message.put("date", System.currentTimeMillis() / 1000);
        message.put("text", text);
        if (text.startsWith("/")) {
            message.putArray("entities")
                    .addObject()
                    .put("offset", 0)
                    .put("length", text.length())
                    .put("type", "bot_command");
        }
    }

    private void user(ObjectNode from) {
        from.put("id", id).put("is_bot", false).put("first_name", "U").put("language_code", "en");
    }

    private void chat(ObjectNode chat) {
        chat.put("id", id).put("type", "private").put("first_name", "U");
    }

    /** Reads what the bot showed: the newest buttons, and the step of a technique. */
    void see(Shown shown) {
        if (!shown.buttons().isEmpty()) {
            keyboard = shown;
        } else if (keyboard != null && shown.edit() && keyboard.messageId() == shown.messageId()) {
            keyboard = null; // its buttons were edited away
        }
        if (shown.method().equals("answercallbackquery")) {
            return; // a note over the chat: the screen stays as it was
        }
        String plain = shown.text().replaceAll("<[^>]+>", "");
        Matcher m = STEP.matcher(plain);
        if (!m.find()) {
            stepTitle = null;
            return;
        }
        String title = m.group(1).strip();
        int n = Integer.parseInt(m.group(2));
        if (title.equals(stepTitle) && n != step && n != step + 1 && n != 1) {
            violations.add(title + ": step " + step + " then step " + n);
        }
        if (title.equals(stepTitle) && n == step + 1) {
            advances++;
        }
        stepTitle = title;
        step = n;
    }

    List<String> violations() {
        return violations;
    }

    /** Forward, always: a warning sign is never claimed, a step never taken back. */
    static Shown.Button choose(Shown on, Random random) {
        List<Shown.Button> buttons = on.buttons();
        String text = on.text();
        List<String> preferred = new ArrayList<>();
        if (text.contains("18 or older")) {
            preferred.add("Yes");
        }
        preferred.addAll(List.of("Next", "No, none", "Yes, I agree", "Done", "No"));
        if (text.contains("Pick a technique")) {
            List<Shown.Button> techniques =
                    buttons.stream()
                            .filter(
                                    b ->
                                            !b.label().contains("Menu")
                                                    && !b.label().contains("reading"))
                            .toList();
            if (!techniques.isEmpty()) {
                return techniques.get(random.nextInt(techniques.size()));
            }
        }
        for (String prefix : preferred) {
            for (Shown.Button b : buttons) {
                if (b.label().startsWith(prefix)) {
                    return b;
                }
            }
        }
        List<Shown.Button> safe =
                buttons.stream()
                        .filter(
                                b ->
                                        !b.label().startsWith("◀")
                                                && !b.label().startsWith("↻")
                                                && !b.label().startsWith("Yes")
                                                && !b.label().contains("hurts")
                                                && !b.label().contains("⏱"))
                        .toList();
        List<Shown.Button> from = safe.isEmpty() ? buttons : safe;
        return from.get(random.nextInt(from.size()));
    }
}
