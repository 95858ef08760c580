package io.tlsdoctor.core.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where servers differ on one check, and says so honestly: a server is an outlier only when strictly more than
 * half of the servers whose value is known agree on another value. Two against two, or one against one, is a split
 * and names no culprit. Servers whose value is unknown are left out of the count, never counted for either side.
 */
final class Differences {

    private Differences() {}

    /** The difference on {@code check}, or null when every server whose value is known has the same one. */
    static Difference of(FleetCheck check, List<ServerRow> rows) {
        Map<String, List<String>> servers = new LinkedHashMap<>();
        Map<String, Cell> values = new LinkedHashMap<>();
        int known = 0;
        for (ServerRow row : rows) {
            Cell cell = row.cell(check);
            if (cell.state() == Cell.State.UNKNOWN) {
                continue;
            }
            known++;
            values.putIfAbsent(cell.sameness(), cell);
            servers.computeIfAbsent(cell.sameness(), k -> new ArrayList<>()).add(row.server());
        }
        if (servers.size() < 2) {
            return null;
        }
        List<Difference.Group> groups = new ArrayList<>();
        servers.forEach((value, names) -> groups.add(new Difference.Group(values.get(value), names)));
        // largest first; among equals, the worse value first, so a split reads bad news first
        groups.sort(Comparator.comparingInt((Difference.Group g) -> g.servers().size())
                .reversed()
                .thenComparing(g -> -g.value().state().ordinal()));
        boolean majority = groups.get(0).servers().size() * 2 > known;
        return new Difference(check, majority ? Difference.Kind.OUTLIER : Difference.Kind.SPLIT, groups);
    }

    static boolean anyKnown(FleetCheck check, List<ServerRow> rows) {
        return rows.stream().anyMatch(row -> row.cell(check).state() != Cell.State.UNKNOWN);
    }
}
