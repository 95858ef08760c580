package io.tlsdoctor.core.fleet;

import java.util.List;

/**
 * Where the servers do not all agree on one check.
 *
 * @param kind   OUTLIER when a strict majority agrees and the rest are named as the odd ones out; SPLIT when no
 *               value has more than half of the servers, so nobody is called an outlier
 * @param groups the servers per value, largest group first (for an OUTLIER, the first is the majority)
 */
public record Difference(FleetCheck check, Kind kind, List<Group> groups) {

    public enum Kind {
        OUTLIER,
        SPLIT
    }

    /** The servers that share one value. */
    public record Group(Cell value, List<String> servers) {
        public Group {
            servers = List.copyOf(servers);
        }
    }

    public Difference {
        groups = List.copyOf(groups);
    }

    public Group majority() {
        return groups.get(0);
    }

    public List<Group> minorities() {
        return groups.subList(1, groups.size());
    }
}
