package io.tlsdoctor.core.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A data row of an Exchange SMTP protocol log:
 * {@code date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context}.
 * Fields are RFC 4180 CSV (quoted when they hold a comma, inner quotes doubled).
 */
record ProtocolLogRow(
        String sessionId, String localEndpoint, String remoteEndpoint, String event, String data, String context) {

    private static final Pattern ROW_START =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,7})?Z,");
    private static final int FIELDS = 9;

    static boolean looksLikeRow(String line) {
        return line.length() > 21
                && Character.isDigit(line.charAt(0))
                && ROW_START.matcher(line).lookingAt();
    }

    /** The row, or {@code null} when the line is not a protocol-log data row. */
    static ProtocolLogRow parse(String line) {
        if (!looksLikeRow(line)) {
            return null;
        }
        List<String> fields = splitCsv(line, FIELDS);
        if (fields.size() < 7) {
            return null;
        }
        while (fields.size() < FIELDS) {
            fields.add("");
        }
        return new ProtocolLogRow(
                fields.get(2), fields.get(4), fields.get(5), fields.get(6), fields.get(7), fields.get(8));
    }

    static List<String> splitCsv(String line, int maxFields) {
        List<String> fields = new ArrayList<>(maxFields);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',' && fields.size() < maxFields - 1) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static int port(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0 || colon == endpoint.length() - 1) {
            return -1;
        }
        try {
            return Integer.parseInt(endpoint.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
