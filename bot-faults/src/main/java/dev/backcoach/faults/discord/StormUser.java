package dev.backcoach.faults.discord;

import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.InteractionLog;
import dev.backcoach.discord.fake.Shown;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A person in the storm: a slash command or a click on a button of their newest message with
 * buttons, then they wait for the answer (at most 12 s: Discord tells them it failed long before)
 * and think a little before the next.
 */
final class StormUser implements Runnable {
    static final List<String> COMMANDS =
            List.of("start", "help", "techniques", "privacy", "settings", "check", "routine");

    /** An interaction this user made: its id, kind and when. */
    record Made(long id, long userId, String kind, long atNanos) {}

    private final FakeDiscord discord;
    private final long id;
    private final long guild;
    private final Random random;
    private final List<Made> made;
    private volatile boolean running = true;

    StormUser(FakeDiscord discord, long id, long guild, long seed, List<Made> made) {
        this.discord = discord;
        this.id = id;
        this.guild = guild;
        this.random = new Random(seed);
        this.made = made;
    }

    static List<Made> log() {
        return new CopyOnWriteArrayList<>();
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            while (running) {
                act();
                Thread.sleep(200 + random.nextInt(600));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void act() throws InterruptedException {
        Shown buttons =
                discord.screen(id).stream()
                        .filter(Shown::hasButtons)
                        .reduce((a, b) -> b)
                        .orElse(null);
        long interaction;
        String kind;
        if (buttons != null && random.nextDouble() < 0.6) {
            List<Shown.Key> keys = buttons.rows().stream().flatMap(List::stream).toList();
            Shown.Key key = keys.get(random.nextInt(keys.size()));
            interaction = discord.click(id, guild, buttons.id(), key.customId());
            kind = "button";
        } else {
            String command = COMMANDS.get(random.nextInt(COMMANDS.size()));
            interaction = discord.slash(id, guild, command, Map.of());
            kind = "/" + command;
        }
        made.add(new Made(interaction, id, kind, System.nanoTime()));
        long deadline = System.nanoTime() + 12_000_000_000L;
        while (System.nanoTime() < deadline && !answered(discord.outcome(interaction))) {
            Thread.sleep(20);
        }
    }

    /** Acknowledged with content, or deferred and then given its content. */
    static boolean answered(InteractionLog.@org.jspecify.annotations.Nullable Outcome o) {
        if (o == null) {
            return false;
        }
        return switch (o.ackType()) {
            case 4, 7, 8 -> true;
            case 5, 6 -> o.edits() + o.followUps() > 0;
            default -> false;
        };
    }
}
