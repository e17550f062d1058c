package dev.backcoach.chart;

import dev.backcoach.core.progress.ProgressHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A progress chart as a PNG: stiffness 0–10 per day over the last 4 weeks (a line through the rated
 * days), sessions per day as bars in a band below, reminder days as dotted lines, dates in the
 * user's language. Pure and thread-safe: each call builds its own chart. Headless: it needs no
 * display, only the JDK's font rasteriser.
 */
public final class ProgressChart {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;

    private static final Color STIFFNESS = new Color(0xd9, 0x5f, 0x02);
    private static final Color SESSIONS = new Color(0x6b, 0xae, 0xd6);
    private static final Color REMINDER = new Color(0x9e, 0x9a, 0xc8);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Stroke DOTTED =
            new BasicStroke(
                    1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3, 3}, 0);
    private static final Stroke LINE = new BasicStroke(2.5f);

    static {
        // Charts are drawn on servers: never reach for a display, whoever loads this first.
        System.setProperty("java.awt.headless", "true");
    }

    private ProgressChart() {}

    /** The chart of {@code history} as PNG bytes, {@link #WIDTH} × {@link #HEIGHT}. */
    public static byte[] png(ProgressHistory history) {
        BufferedImage image = image(history);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        // A memory cache: ImageIO's default would write a temporary file per image.
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static BufferedImage image(ProgressHistory history) {
        Window window = Window.of(history);
        JFreeChart chart = chart(window);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            chart.draw(g, new Rectangle(WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static JFreeChart chart(Window window) {
        ProgressHistory.Labels words = window.labels();
        NumberAxis days = new NumberAxis();
        days.setRange(-(Window.DAYS - 0.5), 0.5);
        days.setTickUnit(new NumberTickUnit(7, new DayFormat(window.today(), window.locale())));
        days.setMinorTickCount(7);
        days.setMinorTickMarksVisible(true);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(days);
        plot.setGap(10);
        plot.add(stiffness(window), 3);
        plot.add(sessions(window), 1);
        plot.setFixedLegendItems(legend(words));

        JFreeChart chart = new JFreeChart(words.title(), ChartFont.of(18), plot, true);
        theme().apply(chart); // fonts and painters; it also resets series colours, so they follow
        chart.setPadding(new RectangleInsets(6, 6, 6, 24)); // room for today's date at the right
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        for (XYPlot part : plot.getSubplots()) {
            part.setBackgroundPaint(Color.WHITE);
            part.setRangeGridlinePaint(GRID);
            part.setDomainGridlinesVisible(false);
            part.setOutlinePaint(GRID);
            part.getRenderer()
                    .setSeriesPaint(
                            0, part.getRenderer() instanceof XYBarRenderer ? SESSIONS : STIFFNESS);
        }
        plot.getSubplots().get(0).getRenderer().setSeriesStroke(0, LINE);
        return chart;
    }

    private static XYPlot stiffness(Window window) {
        XYSeries ratings = new XYSeries("stiffness", true, false);
        for (Map.Entry<Integer, Integer> e : window.ratings().entrySet()) {
            ratings.add(e.getKey(), e.getValue());
        }
        NumberAxis scale = new NumberAxis(window.labels().stiffness());
        scale.setRange(0, 10.4);
        scale.setTickUnit(new NumberTickUnit(2));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(new XYSeriesCollection(ratings), null, scale, line);
        for (int day : window.reminders()) {
            plot.addDomainMarker(new ValueMarker(day, REMINDER, DOTTED));
        }
        return plot;
    }

    private static XYPlot sessions(Window window) {
        XYSeries done = new XYSeries("sessions", true, false);
        for (Map.Entry<Integer, Integer> e : window.sessions().entrySet()) {
            done.add(e.getKey(), e.getValue());
        }
        int top = window.sessionScale();
        NumberAxis count = new NumberAxis(window.labels().sessions());
        count.setRange(0, top + 0.2);
        count.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(top / 3.0))));
        XYBarRenderer bars = new XYBarRenderer(0.25);
        bars.setShadowVisible(false);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setDrawBarOutline(false);
        return new XYPlot(new XYSeriesCollection(done), null, count, bars);
    }

    private static LegendItemCollection legend(ProgressHistory.Labels words) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(line(words.stiffness(), LINE, STIFFNESS));
        items.add(
                new LegendItem(
                        words.sessions(),
                        null,
                        null,
                        null,
                        new Rectangle(-5, -5, 10, 10),
                        SESSIONS));
        items.add(line(words.reminder(), DOTTED, REMINDER));
        return items;
    }

    private static LegendItem line(String label, Stroke stroke, Paint paint) {
        return new LegendItem(
                label, null, null, null, new Line2D.Double(-8, 0, 8, 0), stroke, paint);
    }

    /** Every text in the bundled font, so no label falls back to whatever the machine has. */
    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("BackCoach");
        Font base = ChartFont.BASE;
        theme.setExtraLargeFont(base.deriveFont(18f));
        theme.setLargeFont(base.deriveFont(14f));
        theme.setRegularFont(base.deriveFont(12f));
        theme.setSmallFont(base.deriveFont(10f));
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }
}
