package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Platform;
import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.SentMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application, renderer included, sends a reply's chart to the strict fake Bot API as a
 * multipart sendPhoto: here a stored /progress reply replayed on a re-delivered update.
 */
class TelegramChartTest {
    @RegisterExtension final TelegramHarness bot = new TelegramHarness();

    @Test
    void aReplayedProgressReplyDrawsAndSendsItsChartAgain() throws Exception {
        long anna = 7001;
        ChartReplays.store(bot.dir(), Platform.TELEGRAM, anna, "tg-900001");

        bot.telegram()
                .enqueue(
                        ChartReplays.withUpdateId(
                                bot.telegram().privateTextUpdateJson(anna, "/progress"), 900001));
        SentMessage photo = bot.user(anna).awaitLast(m -> m.kind().equals("photo"));

        assertThat(photo.plainText()).isEqualTo(ChartReplays.TEXT);
        assertThat(photo.buttonLabels()).containsExactly("Log today");
        var upload =
                (FakeBotApi.UploadedFile)
                        bot.telegram().calls("sendPhoto").get(0).params().get("photo");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload.bytes()));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(upload.bytes().length).isLessThanOrEqualTo(200 * 1024);
    }
}
