package io.tlsdoctor.ui.step.logs;

import java.util.List;

/**
 * What the two charts show, already worded: sessions per protocol for the busiest remotes, and failures per hour.
 * Without an analysis both have no series, only their axis labels.
 */
public record LogCharts(
        String remoteAxis,
        String sessionsAxis,
        String hourAxis,
        String failedAxis,
        List<Series> protocols,
        List<Series> failures) {

    public LogCharts {
        protocols = List.copyOf(protocols);
        failures = List.copyOf(failures);
    }

    /** One bar series: a name and its bars in order. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** One bar: its category on the x axis and its height. */
    public record Point(String category, Number value) {}
}
