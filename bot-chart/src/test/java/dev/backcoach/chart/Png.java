package dev.backcoach.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Checks on a chart's bytes, as a platform would receive them. */
final class Png {
    static final int MAX_BYTES = 200 * 1024;

    private Png() {}

    /** Decodes {@code png} and checks its size on screen and on the wire. */
    static BufferedImage check(byte[] png) {
        assertThat(png.length).isLessThanOrEqualTo(MAX_BYTES);
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(image).as("a decodable PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(ProgressChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ProgressChart.HEIGHT);
        return image;
    }

    /** Pixels in {@code image} of about {@code rgb}'s colour (each channel within 12). */
    static int pixelsOf(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (near(p >> 16, rgb >> 16) && near(p >> 8, rgb >> 8) && near(p, rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean near(int a, int b) {
        return Math.abs((a & 0xff) - (b & 0xff)) <= 12;
    }
}
