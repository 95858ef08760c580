package io.tlsdoctor.core.probe;

import java.util.List;

/** One SMTP reply: the three-digit code and the text of every line (without the code). */
public record SmtpReply(int code, List<String> lines) {

    public SmtpReply {
        lines = List.copyOf(lines);
    }

    public String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** The reply as the server sent it, for transcripts. */
    public String raw() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            text.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i));
            if (i < lines.size() - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }
}
