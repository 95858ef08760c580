package io.tlsdoctor.ui.fleet;

import java.util.List;

/**
 * One server's line in the table as the view shows it: the words of each cell and the style class that colours it
 * ({@code fleet-good}, {@code fleet-warn}, {@code fleet-bad}, {@code fleet-unknown}).
 */
public record FleetRow(String server, List<String> cells, List<String> styles) {

    public FleetRow {
        cells = List.copyOf(cells);
        styles = List.copyOf(styles);
    }
}
