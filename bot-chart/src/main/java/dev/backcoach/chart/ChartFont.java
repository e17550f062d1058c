package dev.backcoach.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one typeface every chart label uses: DejaVu Sans, shipped in this module (Latin, Cyrillic,
 * Greek and more; licence beside it). Loaded from the classpath, never looked up on the machine, so
 * a chart looks the same on a laptop, in CI and in the slim Docker image.
 */
final class ChartFont {
    private static final Logger log = LoggerFactory.getLogger(ChartFont.class);
    static final String RESOURCE = "DejaVuSans.ttf";

    /** Size 1; derive the sizes you need. */
    static final Font BASE = load();

    private ChartFont() {}

    static Font of(float size) {
        return BASE.deriveFont(size);
    }

    private static Font load() {
        try (InputStream in = ChartFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            // Still draw: a chart in the machine's sans-serif beats no chart at all.
            log.error("bundled chart font not loaded; using the logical SansSerif font", e);
            return new Font(Font.SANS_SERIF, Font.PLAIN, 1);
        }
    }
}
