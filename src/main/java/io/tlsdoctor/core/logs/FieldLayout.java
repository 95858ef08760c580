package io.tlsdoctor.core.logs;

import java.util.List;
import java.util.Locale;

/**
 * Where each column sits, as the file's {@code #Fields:} header says. Exchange has used the same nine columns since
 * 2007, but the header is the contract, so a reordered or extended header is followed rather than assumed.
 * An index is -1 when the header lacks that column.
 */
record FieldLayout(
        int count,
        int dateTime,
        int connector,
        int sessionId,
        int sequence,
        int local,
        int remote,
        int event,
        int data,
        int context) {

    /** Parses the text after {@code #Fields:}; null when a column the analysis cannot do without is missing. */
    static FieldLayout parse(String header) {
        List<String> names = List.of(header.split(","));
        int date = -1,
                connector = -1,
                session = -1,
                sequence = -1,
                local = -1,
                remote = -1,
                event = -1,
                data = -1,
                context = -1;
        for (int i = 0; i < names.size(); i++) {
            switch (names.get(i).strip().toLowerCase(Locale.ROOT)) {
                case "date-time" -> date = i;
                case "connector-id" -> connector = i;
                case "session-id" -> session = i;
                case "sequence-number" -> sequence = i;
                case "local-endpoint" -> local = i;
                case "remote-endpoint" -> remote = i;
                case "event" -> event = i;
                case "data" -> data = i;
                case "context" -> context = i;
                default -> {} // a column we do not use
            }
        }
        if (date < 0 || session < 0 || sequence < 0 || event < 0 || remote < 0) {
            return null;
        }
        return new FieldLayout(names.size(), date, connector, session, sequence, local, remote, event, data, context);
    }

    /** The fewest columns a row may have: trailing empty columns are sometimes cut. */
    int required() {
        return Math.max(Math.max(dateTime, sessionId), Math.max(Math.max(sequence, event), remote)) + 1;
    }
}
