package io.tlsdoctor.core.fleet;

import io.tlsdoctor.core.fix.FixPlan;
import java.time.Instant;
import java.util.List;

/**
 * One server in the comparison: its cells in {@link FleetCheck} order, the TLS 1.2 verdict for each mail-flow
 * direction, and the existing fix planner's plan when it needs one.
 *
 * @param source   the file or folder it came from
 * @param outbound whether mail to Exchange Online can leave with TLS 1.2 (SChannel Client); null when unknown
 * @param inbound  whether mail from Exchange Online can arrive with TLS 1.2 (SChannel Server); null when unknown
 * @param plan     what to change on it, or null when nothing needs changing
 */
public record ServerRow(
        String server,
        String source,
        Instant collectedAt,
        List<Cell> cells,
        Boolean outbound,
        Boolean inbound,
        FixPlan plan) {

    public ServerRow {
        cells = List.copyOf(cells);
    }

    public Cell cell(FleetCheck check) {
        return cells.get(check.ordinal());
    }

    /** Whether TLS 1.2 is known to be off for a direction this server carries. */
    public boolean broken() {
        return Boolean.FALSE.equals(outbound) || Boolean.FALSE.equals(inbound);
    }
}
