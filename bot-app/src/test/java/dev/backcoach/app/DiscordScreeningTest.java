package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Tier;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Route;
import dev.backcoach.discord.fake.Shown;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The safety check on Discord: every tier is reached in a server and in a DM, answers stay in
 * memory, and what is typed into a command option is read for warning signs.
 */
class DiscordScreeningTest {
    static final Catalog CATALOG = DiscordHarness.CATALOG;
    static final long SERVER = DiscordHarness.SERVER;

    @RegisterExtension final DiscordHarness bot = new DiscordHarness();

    @Test
    void theCheckReachesEveryTierInAServerAndInADm() {
        long userId = 10_000;
        for (long guild : new long[] {SERVER, 0}) {
            for (Tier tier : Tier.values()) {
                DiscordUser user =
                        DiscordHarness.onboarded(new DiscordUser(bot.discord(), ++userId, guild));
                String sign =
                        CATALOG.screening().stream()
                                .filter(q -> q.tier() == tier)
                                .findFirst()
                                .orElseThrow()
                                .id();
                String outcome =
                        switch (tier) {
                            case EMERGENCY -> "outcome.emergency";
                            case SEE_CLINICIAN -> "outcome.see_clinician";
                            case CLEAR_FIRST -> "outcome.clear_first";
                        };
                Scripts.report(CATALOG, sign, CATALOG.text(outcome).substring(0, 30), user::press);
                assertThat(bot.stored(userId).routeReason())
                        .as("Discord: the sign is not stored")
                        .isNull();
                assertThat(bot.stored(userId).route().name()).isEqualTo(tier.name());
                assertThat(bot.discord().screen(userId))
                        .as("replies are private in a server, plain in the DM")
                        .allMatch(m -> m.ephemeral() == (guild != 0));
            }
            DiscordUser fine =
                    DiscordHarness.toSelfCare(new DiscordUser(bot.discord(), ++userId, guild));
            assertThat(bot.stored(fine.id).route()).isEqualTo(Route.SELF_CARE);
            assertThat(bot.discord().screen(fine.id)).allMatch(m -> m.ephemeral() == (guild != 0));
        }
        assertThat(bot.discord().answers())
                .filteredOn(a -> a.type() == 4)
                .as("every command in a server answered ephemerally")
                .isNotEmpty();
    }

    @Test
    void screeningAnswersStayInMemoryOnlyTheRouteIsStored() {
        DiscordUser anna = DiscordHarness.onboarded(new DiscordUser(bot.discord(), 20_001, SERVER));
        anna.press("No", CATALOG.checkGroups().get(1).lines().get(0));
        anna.press(
                "Yes",
                CATALOG.flag(CATALOG.checkGroups().get(1).items().get(0)).orElseThrow().text());
        assertThat(bot.stored(20_001).dialogue())
                .as("the store keeps no answers, not even how many were No")
                .isEqualTo(new Dialogue.CheckRestarted());
        assertThat(bot.stored(20_001).route()).isEqualTo(Route.UNSCREENED);
        anna.press("Yes", CATALOG.text("outcome.emergency").substring(0, 30));
        assertThat(bot.stored(20_001).route()).isEqualTo(Route.EMERGENCY);
        assertThat(bot.stored(20_001).routeReason())
                .as("only the route is kept on Discord")
                .isNull();
    }

    @Test
    void whatIsTypedIntoACommandOptionIsReadForWarningSigns() {
        DiscordUser anna =
                DiscordHarness.toSelfCare(new DiscordUser(bot.discord(), 40_001, SERVER));
        Shown emergency =
                anna.send(
                        "techniques",
                        Map.of("name", "both my legs have gone numb"),
                        CATALOG.text("outcome.emergency").substring(0, 30));
        assertThat(emergency.ephemeral()).isTrue();
        assertThat(bot.stored(40_001).route()).isEqualTo(Route.EMERGENCY);
    }
}
