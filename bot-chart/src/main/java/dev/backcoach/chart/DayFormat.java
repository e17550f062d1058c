package dev.backcoach.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Tick labels for the day axis: x is a day's offset from today (-27 … 0), shown as that date in the
 * user's language ("2 Dec", "2 дек."). Offsets instead of timestamps keep every day the same width
 * whatever the zone's clock changes did.
 */
final class DayFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    private final LocalDate today;
    private final transient DateTimeFormatter format;

    DayFormat(LocalDate today, Locale locale) {
        this.today = today;
        this.format = DateTimeFormatter.ofPattern("d MMM", locale);
    }

    @Override
    public StringBuffer format(double offset, StringBuffer to, FieldPosition pos) {
        return format(Math.round(offset), to, pos);
    }

    @Override
    public StringBuffer format(long offset, StringBuffer to, FieldPosition pos) {
        return to.append(format.format(today.plusDays(offset)));
    }

    @Override
    public @Nullable Number parse(String source, ParsePosition pos) {
        return null; // labels are only ever written
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DayFormat day && day.today.equals(today) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return today.hashCode();
    }
}
