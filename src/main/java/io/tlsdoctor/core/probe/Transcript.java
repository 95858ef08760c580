package io.tlsdoctor.core.probe;

import java.util.ArrayList;
import java.util.List;

/** The raw SMTP conversation ({@code C:} what we sent, {@code S:} what the server said), for the curious and for support. */
public final class Transcript {

    /** Enough for any real conversation; a flood from the peer is already cut by the line limits. */
    private static final int MAX_ENTRIES = 400;

    private final List<String> lines = new ArrayList<>();

    synchronized void sent(String command) {
        add("C: " + command);
    }

    synchronized void received(String line) {
        add("S: " + SmtpChannel.printable(line, 200));
    }

    synchronized void note(String text) {
        add("-- " + text);
    }

    private void add(String line) {
        if (lines.size() < MAX_ENTRIES) {
            lines.add(line);
        }
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
