/**
 * Progress charts as PNG images: {@link dev.backcoach.chart.ProgressChart} draws a {@link
 * dev.backcoach.core.progress.ProgressHistory} (JFreeChart, headless, DejaVu Sans from the jar) and
 * {@link dev.backcoach.chart.ChartPool} draws on threads of its own, so platforms never wait on it.
 */
@NullMarked
package dev.backcoach.chart;

import org.jspecify.annotations.NullMarked;
