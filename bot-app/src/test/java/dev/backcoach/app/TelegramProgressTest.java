package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.TestClock;
import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.SentMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * From the first rating to the chart, through the real application: two days of ratings, then
 * /progress arrives as a multipart sendPhoto whose caption says the numbers in words.
 */
class TelegramProgressTest {
    final TestClock clock = TestClock.running(Instant.parse("2026-03-23T18:00:00Z"));
    @RegisterExtension final TelegramHarness bot = new TelegramHarness().clock(clock);

    @Test
    void twoDaysOfRatingsThenProgressSendsAChartWithTheNumbersInWords() throws Exception {
        TelegramUser anna = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 8101));
        anna.send("/progress 6", "as soon as I know your day");
        anna.press("Use UTC", "How stiff is your lower back right now");
        anna.press("6", "Saved: 6/10 for today.");

        clock.advance(Duration.ofDays(5));
        // Wait among the new messages: whatever the bot says next must not hide the saved rating.
        anna.after(
                () ->
                        bot.telegram()
                                .enqueue(bot.telegram().privateTextUpdateJson(8101, "/progress 3")),
                "Saved: 3/10 for today.");
        // The chart is followed by the next question at once: wait for it among the new messages,
        // not for the newest one, which it is only for a moment.
        SentMessage photo =
                anna.after(
                        () ->
                                bot.telegram()
                                        .enqueue(
                                                bot.telegram()
                                                        .privateTextUpdateJson(8101, "/progress")),
                        "Stiffness went from 6 to 3 over 5 days");
        assertThat(photo.kind()).isEqualTo("photo");
        assertThat(photo.plainText().length()).isLessThanOrEqualTo(1_024);
        var upload =
                (FakeBotApi.UploadedFile)
                        bot.telegram().calls("sendPhoto").get(0).params().get("photo");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload.bytes()));
        assertThat(image).as("a PNG that decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(upload.bytes().length).isLessThanOrEqualTo(200 * 1024);
    }
}
