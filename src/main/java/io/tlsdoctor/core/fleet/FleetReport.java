package io.tlsdoctor.core.fleet;

import java.util.List;

/**
 * The comparison of many servers: one row each (sorted by name), the differences between them (most important check
 * first), the checks on which every server agrees, and the files that could not be compared.
 */
public record FleetReport(
        List<ServerRow> rows, List<Difference> differences, List<FleetCheck> agreed, List<FileProblem> problems) {

    public FleetReport {
        rows = List.copyOf(rows);
        differences = List.copyOf(differences);
        agreed = List.copyOf(agreed);
        problems = List.copyOf(problems);
    }

    public long brokenServers() {
        return rows.stream().filter(ServerRow::broken).count();
    }
}
