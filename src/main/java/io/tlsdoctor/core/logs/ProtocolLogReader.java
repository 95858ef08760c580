package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier.LineMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads one protocol-log file as bytes and hands every rebuilt session to a consumer. One instance per thread.
 *
 * <p>Why bytes: a server keeps gigabytes of these logs. Lines are found eight bytes at a time, columns are kept as
 * offsets into the read buffer, and a String is made only for what a session keeps (its endpoints, certificate
 * values) or for the few rows the recogniser's {@code requires} words say could match a rule. Memory does not grow
 * with the file: the buffer is fixed and only open sessions are held (bounded by {@link #MAX_OPEN_SESSIONS}).
 */
final class ProtocolLogReader {

    static final int BUFFER = 1 << 20;
    static final int MAX_BAD_SAMPLES = 20;
    static final int MAX_OPEN_SESSIONS = 20_000;
    /** How many lines after its end a session may still receive a late row. */
    static final int CLOSE_GRACE_LINES = 256;
    /** A file whose first line is not a #-header this far in is not a protocol log. */
    private static final int MAX_HEADER_LINES = 50;

    private static final int MAX_FIELDS = 32;
    private static final int CLASSIFY_CACHE = 4096;
    private static final int CONNECTOR_SLOTS = 8;
    /** Bytes that must follow a row's start for {@link #fastRow} to take it. */
    private static final int FAST_ROW_ROOM = 8192;
    /** How many lines a quoted field with line breaks may span before the row counts as broken. */
    static final int MAX_JOINED_LINES = 50;

    private static final int UNCLOSED = -2;
    private static final int ROW = 0;
    private static final int BAD = 1;
    private static final int OPEN_QUOTE = 2;
    private static final int NEED_MORE = -1;
    private static final int NO_JOIN = -2;
    /** {@link #fastRow}: read, to be finished by {@link #rareRow}. */
    private static final int RARE = -1;

    private static final FieldLayout STANDARD = new FieldLayout(9, 0, 1, 2, 3, 4, 5, 6, 7, 8);
    private static final byte[] SP_PROT = "SP_PROT_".getBytes(StandardCharsets.US_ASCII);
    /** What a command or reply without TLS and without a recogniser's word means for a full row: nothing. */
    private static final RowMeaning NOTHING_SAID = new RowMeaning(
            STANDARD.count() - STANDARD.event(),
            false,
            false,
            null,
            RowMeaning.CertificateStep.NONE,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            (byte) '>');

    private final ProtocolLogLineClassifier classifier;
    private final long sinceMillis;
    private final BooleanSupplier cancelled;
    private final LongConsumer bytesRead;
    private final byte[] buf = new byte[BUFFER];
    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private final boolean[] quoted = new boolean[MAX_FIELDS];
    private final SessionTable open = new SessionTable();
    /** Sessions whose {@code -} row was seen, oldest first. */
    private final ArrayDeque<SessionBuilder> closing = new ArrayDeque<>(512);
    /**
     * The {@code lastLine} of the oldest closing session when it was last looked at (it only grows when a late row
     * comes), {@link Long#MAX_VALUE} when none is closing: {@link #fastRow} compares it without asking the queue
     * whether it is empty, a branch the JIT would otherwise compile for one answer and throw away at the other.
     */
    private long oldestClosingLine = Long.MAX_VALUE;
    /** Sessions past their grace, waiting to be built and handed on by {@link #handOn}. */
    private final List<SessionBuilder> finished = new ArrayList<>();
    /** Rows with the same text (every TLS success line of a day, for example) are classified once. */
    private final Map<String, List<LineMatch>> classified = new HashMap<>();
    /** What repeated row tails mean, so that a repeated row is neither split to its end nor classified again. */
    private final RowMeaningCache meanings = new RowMeaningCache();

    private final Timestamps timestamps = new Timestamps();
    /** Where {@link #split} stopped: the start of the next column, or -1 when the row ended. */
    private int splitResume;

    private final long[] tailHash = new long[1];
    private final FastRowParts parts = new FastRowParts();
    /** {@link ProtocolLogLineClassifier#wordsIn} of the row's data and context, as {@link #saysNothing} found them. */
    private long tailWords;

    // per file
    private LogSource source;
    private SessionSink sink;
    private FieldLayout layout;
    /** The event column when event, data and context are the layout's last three columns (as Exchange writes), else -1. */
    private int tailColumn;
    /** Exactly the nine columns in Exchange's order: rows may take {@link #fastRow}. */
    private boolean standardLayout;

    private LogKind kind;
    private boolean headerSeen;
    private boolean dataSeen;
    private long lines;
    private long badLines;
    private List<BadLine> samples;
    /**
     * The connector names met last, as bytes and as text: a busy server's logs interleave the sessions of several
     * connectors (quoted, with Cyrillic letters), and one remembered name made nearly every new session decode its
     * name again. A few slots, replaced in turn.
     */
    private final byte[][] connectorBytes = new byte[CONNECTOR_SLOTS][];

    private final String[] connectorNames = new String[CONNECTOR_SLOTS];
    private int nextConnectorSlot;
    /** The buffer's state: rows start at {@code start}, bytes end at {@code limit}, {@code buf[0]} is at {@code base}. */
    private int start;

    private int limit;
    private long base;
    private boolean eof;
    /** Inside a line longer than the buffer. */
    private boolean discarding;

    /** Off only in the test that checks the fast path against the general one, row for row. */
    private boolean fastPath = true;

    ProtocolLogReader withoutFastPath() {
        fastPath = false;
        return this;
    }

    ProtocolLogReader(
            ProtocolLogLineClassifier classifier, long sinceMillis, BooleanSupplier cancelled, LongConsumer bytesRead) {
        this.classifier = classifier;
        this.sinceMillis = sinceMillis;
        this.cancelled = cancelled;
        this.bytesRead = bytesRead;
    }

    FileScan read(LogSource source, Consumer<Session> sink) {
        return read(
                source, (session, from, kind, disconnected) -> sink.accept(session.build(from, kind, disconnected)));
    }

    /**
     * Where a finished session goes: as its builder, so that a summary can count it without a {@link Session} (a
     * record, two Instants and copied lists for each of a busy server's 230,000 sessions a gigabyte), and build one
     * only for the few it keeps.
     */
    @FunctionalInterface
    interface SessionSink {
        void accept(SessionBuilder session, LogSource source, LogKind kind, boolean disconnected);
    }

    FileScan read(LogSource source, SessionSink sink) {
        this.source = source;
        this.sink = sink;
        layout = null;
        standardLayout = false;
        tailColumn = -1;
        kind = kindFromName(source.fileName());
        headerSeen = false;
        dataSeen = false;
        lines = 0;
        badLines = 0;
        samples = new ArrayList<>();
        open.clear();
        closing.clear();
        oldestClosingLine = Long.MAX_VALUE;
        finished.clear();
        long total;
        try (InputStream in = DecodedInput.open(source)) {
            total = scan(in);
        } catch (NotALog e) {
            open.clear();
            return skipped(e.reason, e.detail);
        } catch (IOException e) {
            open.clear();
            boolean archive = source instanceof LogSource.InZip
                    && (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException);
            return skipped(archive ? SkipReason.DAMAGED_ARCHIVE : SkipReason.UNREADABLE, LogInputs.message(e));
        }
        if (total == 0) {
            return skipped(SkipReason.EMPTY, null);
        }
        if (!headerSeen) {
            return skipped(SkipReason.NO_FIELDS_HEADER, null);
        }
        emitClosed(Long.MAX_VALUE);
        handOn();
        for (SessionBuilder builder : open.all()) {
            sink.accept(builder, source, kind, false); // the file ended first: truncated or rotated
        }
        open.clear();
        return new FileScan(source, kind, total, lines, badLines, List.copyOf(samples), null);
    }

    private FileScan skipped(SkipReason reason, String detail) {
        return new FileScan(source, kind, 0, 0, 0, List.of(), new SkippedFile(source.displayName(), reason, detail));
    }

    private static LogKind kindFromName(String fileName) {
        String upper = fileName.toUpperCase(Locale.ROOT);
        return upper.startsWith("SEND") ? LogKind.SEND : upper.startsWith("RECV") ? LogKind.RECEIVE : null;
    }

    /** Returns the number of (decoded) bytes read. */
    private long scan(InputStream in) throws IOException {
        start = 0;
        limit = 0;
        base = 0;
        eof = false;
        discarding = false;
        // The row loop and the per-buffer work are separate methods so that each is compiled on its own: the loop
        // stays small, and building and summarising sessions is not compiled into it.
        while (rows()) {
            handOn();
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            fill(in);
        }
        return base + limit;
    }

    /** Takes the rows in {@code buf[start, limit)}; true when more must be read first, false when the input is done. */
    private boolean rows() {
        while (true) {
            // Near the end of what was read a row may be cut by the buffer: more is read first (and at the end of the
            // input those few rows go the general way), so the fast path never meets a cut row and stays as compiled.
            if (fastPath && standardLayout && !discarding && limit - start < FAST_ROW_ROOM && !eof) {
                return true;
            }
            if (fastPath && standardLayout && !discarding && limit - start >= FAST_ROW_ROOM) {
                int next = fastRow(start, limit, base);
                if (next == RARE) {
                    next = rareRow();
                    // here rather than in rareRow: what it inlines (the queue, the table's removal) has branches
                    // first taken late, and a recompilation of this small loop is cheap
                    if (next > 0 && oldestClosingLine < lines - CLOSE_GRACE_LINES) {
                        emitClosed(lines - CLOSE_GRACE_LINES);
                    }
                }
                if (next > 0) {
                    start = next;
                    continue;
                }
            }
            int nl = Bytes.indexOfNewline(buf, start, limit);
            if (nl >= 0) {
                if (discarding) {
                    discarding = false;
                    start = nl + 1;
                    continue;
                }
                int end = line(start, nl, base, limit, eof);
                if (end != NEED_MORE) {
                    start = end + 1;
                    continue;
                }
                return true; // a quoted field goes on past the bytes read so far: read more, then take the row again
            }
            if (eof) {
                if (start < limit && !discarding) {
                    line(start, limit, base, limit, true); // a last line without CRLF: a file cut off while written
                }
                return false;
            }
            return true;
        }
    }

    /** Keeps the unread part of the buffer and reads more after it. */
    private void fill(InputStream in) throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            base += start;
            limit -= start;
            start = 0;
        }
        if (limit == buf.length) {
            if (!discarding) {
                lines++;
                bad(0, Math.min(limit, BadLine.MAX_TEXT));
            }
            discarding = true; // inside a line longer than the buffer
            base += limit;
            limit = 0;
        }
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            if (!dataSeen && !headerSeen && base == 0 && limit == 0 && read > 0) {
                checkNotBinary(read);
            }
            limit += read;
            bytesRead.accept(read);
        }
    }

    private void checkNotBinary(int read) {
        int n = Math.min(read, 4096);
        for (int i = 0; i < n; i++) {
            if (buf[i] == 0) {
                throw new NotALog(SkipReason.BINARY, null);
            }
        }
    }

    /**
     * One line at {@code [from, nl)}. Returns where the row ended: {@code nl}, or the newline of a later line when a
     * quoted field holds line breaks (Exchange quotes a field with CR or LF in it), or {@link #NEED_MORE} when such a
     * field goes on past {@code limit} and more can be read.
     */
    private int line(int from, int nl, long base, int limit, boolean eof) {
        int to = nl > from && buf[nl - 1] == '\r' ? nl - 1 : nl;
        lines++;
        if (from == to) {
            return nl; // blank lines are no rows and no errors
        }
        if (buf[from] == '#') {
            header(from, to);
            return nl;
        }
        if (!headerSeen) {
            throw new NotALog(SkipReason.NO_FIELDS_HEADER, null);
        }
        dataSeen = true;
        int result = row(from, to, nl, base + from, base + nl + 1);
        if (result == OPEN_QUOTE) {
            int end = joined(from, nl, base, limit, eof);
            if (end != NO_JOIN) {
                return end;
            }
        }
        if (result != ROW) {
            bad(from, to);
        }
        return nl;
    }

    /**
     * A row whose quoted field is still open at its line end, taken together with the lines that follow until the
     * quote closes (at most {@link #MAX_JOINED_LINES}). Returns the newline that ends it, {@link #NEED_MORE}, or
     * {@link #NO_JOIN} when the quote never closes: then only the first line is a bad row, as before.
     */
    private int joined(int from, int nl, long base, int limit, boolean eof) {
        long firstLine = lines;
        int end = nl;
        for (int extra = 1; extra <= MAX_JOINED_LINES; extra++) {
            int next = Bytes.indexOfNewline(buf, end + 1, limit);
            if (next < 0) {
                lines = firstLine;
                boolean canReadMore = !eof && (from > 0 || limit < buf.length);
                if (canReadMore) {
                    lines--; // the row is taken again from its first line once more is read
                    return NEED_MORE;
                }
                return NO_JOIN;
            }
            lines = firstLine + extra;
            int to = next > end + 1 && buf[next - 1] == '\r' ? next - 1 : next;
            int result = row(from, to, next, base + from, base + next + 1);
            if (result == ROW) {
                return next;
            }
            if (result == BAD) {
                break;
            }
            end = next;
        }
        lines = firstLine;
        return NO_JOIN;
    }

    private void header(int from, int to) {
        if (lines > MAX_HEADER_LINES && !dataSeen && !headerSeen) {
            throw new NotALog(SkipReason.NO_FIELDS_HEADER, null);
        }
        String text = Bytes.decode(buf, from, to);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("#fields:")) {
            FieldLayout parsed = FieldLayout.parse(text.substring("#fields:".length()));
            if (parsed == null) {
                if (headerSeen) {
                    bad(from, to); // a damaged repeat of the header: keep the layout we have
                    return;
                }
                throw new NotALog(SkipReason.MISSING_FIELDS, text);
            }
            layout = parsed;
            tailColumn = parsed.event() == parsed.count() - 3
                            && parsed.data() == parsed.count() - 2
                            && parsed.context() == parsed.count() - 1
                    ? parsed.event()
                    : -1;
            standardLayout = parsed.equals(STANDARD);
            headerSeen = true;
            if (kind == null) {
                throw new NotALog(SkipReason.UNKNOWN_LOG_TYPE, null);
            }
        } else if (lower.startsWith("#log-type:")) {
            if (lower.contains("receive")) {
                kind = LogKind.RECEIVE;
            } else if (lower.contains("send")) {
                kind = LogKind.SEND;
            }
        }
    }

    private void bad(int from, int to) {
        badLines++;
        if (samples.size() < MAX_BAD_SAMPLES) {
            int end = Math.min(to, from + BadLine.MAX_TEXT);
            samples.add(new BadLine(source.displayName(), lines, Bytes.decode(buf, from, end)));
        }
    }

    /**
     * The common row, in one pass and without splitting what need not be split: the usual layout, unquoted leading
     * columns, a 24-byte timestamp, a 16-digit session id, and a tail (event, data, context) whose meaning is already
     * known and only sets flags on a session that is open. Returns where the next line starts; {@link #RARE} when the
     * row is readable this way but needs more (a new session, a text not seen before, a certificate, a match, the
     * end of a session): its parts are then in {@link #parts} for {@link #rareRow}; or 0 to leave the line to
     * {@link #line} (which handles everything else: headers, quotes, bad and cut rows). Nothing is changed before it
     * knows it can finish.
     *
     * <p>Why two methods: the JIT compiles this one on its own, small, and early; the per-session work in
     * {@link #rareRow} is compiled with the loop in {@link #rows}. As one method it took C2 1 to 2.5 s to compile
     * (36 KB of code, 160 inlined methods) and every deoptimisation of a rare branch threw all of it away again.
     */
    private int fastRow(int from, int limit, long base) {
        int dateEnd = from + 24;
        if (dateEnd >= limit || buf[dateEnd] != ',') {
            return 0;
        }
        long millis = timestamps.parse(buf, from, dateEnd);
        if (millis == Long.MIN_VALUE) {
            return 0;
        }
        int connectorFrom = dateEnd + 1;
        int connectorTo = connectorColumnEnd(connectorFrom, limit);
        if (connectorTo < 0) {
            return 0;
        }
        int sessionFrom = connectorTo + 1;
        int sessionTo = sessionFrom + 16;
        if (sessionTo >= limit || buf[sessionTo] != ',') {
            return 0;
        }
        if (!Bytes.isHex16(buf, sessionFrom)) {
            return 0;
        }
        long key = Bytes.hex16(buf, sessionFrom);
        int sequenceFrom = sessionTo + 1;
        int i = sequenceFrom;
        while (i < limit && i - sequenceFrom < 9 && buf[i] >= '0' && buf[i] <= '9') {
            i++;
        }
        if (i == sequenceFrom || i >= limit || buf[i] != ',') {
            return 0;
        }
        int localFrom = i + 1;
        int localTo = unquotedColumnEnd(localFrom, limit);
        if (localTo < 0) {
            return 0;
        }
        int remoteTo = unquotedColumnEnd(localTo + 1, limit);
        if (remoteTo < 0) {
            return 0;
        }
        int tailFrom = remoteTo + 1;
        if (tailFrom + 1 >= limit || buf[tailFrom + 1] != ',') {
            return 0;
        }
        byte event = buf[tailFrom];
        if (event != '+' && event != '-' && event != '>' && event != '<' && event != '*') {
            return 0;
        }
        int nl = Bytes.indexOfNewlineHashing(buf, tailFrom, limit, tailHash);
        if (nl < 0) {
            return 0;
        }
        RowMeaning meaning = meanings.get(tailHash[0], kind, buf, tailFrom, nl);
        SessionBuilder session = open.get(key);
        if (meaning == null
                || !meaning.plain()
                || session == null
                || session.remoteEndpoint == null
                || session.remoteEndpoint.isEmpty()
                || session.localEndpoint == null
                || session.localEndpoint.isEmpty()
                || millis < sinceMillis
                || oldestClosingLine < lines + 1 - CLOSE_GRACE_LINES) {
            parts.set(
                    from,
                    nl,
                    base,
                    millis,
                    key,
                    connectorFrom,
                    connectorTo,
                    localFrom,
                    localTo,
                    remoteTo,
                    event,
                    tailHash[0],
                    meaning,
                    session);
            return RARE;
        }
        // A good row: from here on it counts.
        lines++;
        dataSeen = true;
        session.seen(millis, lines, base + nl + 1);
        meaning.applyFlagsTo(session);
        return nl + 1;
    }

    /**
     * The rest of the rows {@link #fastRow} could read but not finish, from {@link #parts}: the same as {@link #row}
     * does with them, without parsing the row's head again. Returns where the next line starts, or 0 to leave the
     * line to {@link #line} after all.
     */
    private int rareRow() {
        FastRowParts p = parts;
        int tailFrom = p.remoteTo + 1;
        int nl = p.nl;
        RowMeaning meaning = p.meaning;
        // A text not seen before (a MAIL FROM with its size, a reply with a queue id): its three columns are split
        // here and its meaning worked out below, as the general path would.
        if (meaning == null && !splitTail(tailFrom, nl > tailFrom && buf[nl - 1] == '\r' ? nl - 1 : nl)) {
            return 0;
        }
        if (p.millis < sinceMillis) {
            lines++;
            dataSeen = true;
            return nl + 1; // a good row, only older than asked for
        }
        SessionBuilder session = p.session;
        // A good row: from here on it counts.
        lines++;
        dataSeen = true;
        if (meaning == null) {
            int columns = STANDARD.count();
            meaning = saysNothing(p.event, STANDARD.data(), STANDARD.context())
                    ? NOTHING_SAID
                    : meaning(
                            p.event,
                            columns,
                            STANDARD.data(),
                            STANDARD.context(),
                            columns - STANDARD.event(),
                            tailWords);
            meanings.offer(p.hash, kind, buf, tailFrom, nl, meaning);
        }
        long endOffset = p.base + nl + 1;
        if (session == null) {
            int sessionFrom = p.connectorTo + 1;
            session = newSession(p.key, sessionFrom, sessionFrom + 16, p.base + p.from);
            session.seen(p.millis, lines, endOffset);
            session.connector = connector(p.connectorFrom, p.connectorTo, buf[p.connectorFrom] == '"');
            session.remoteEndpoint = Bytes.decode(buf, p.localTo + 1, p.remoteTo);
            session.localEndpoint = Bytes.decode(buf, p.localFrom, p.localTo);
        } else {
            session.seen(p.millis, lines, endOffset);
            // A send log's first row has no local endpoint yet ("attempting to connect"): noted from a later row.
            if (session.connector == null) {
                session.connector = connector(p.connectorFrom, p.connectorTo, buf[p.connectorFrom] == '"');
            }
            if (session.remoteEndpoint == null || session.remoteEndpoint.isEmpty()) {
                session.remoteEndpoint = Bytes.decode(buf, p.localTo + 1, p.remoteTo);
            }
            if (session.localEndpoint == null || session.localEndpoint.isEmpty()) {
                session.localEndpoint = Bytes.decode(buf, p.localFrom, p.localTo);
            }
        }
        if (meaning.plain()) {
            meaning.applyFlagsTo(session);
        } else {
            applyWhole(session, p.event, meaning);
        }
        return nl + 1; // the sessions this row lets go are handed on by rows()
    }

    /**
     * The three tail columns (event, data, context) of {@code [tailFrom, to)} into {@link #starts}/{@link #ends} as
     * {@link #split} would put them, when it would find exactly those three; false for anything else (a quote that
     * does not close, more or fewer columns), which the general path then reads. Its own code rather than
     * {@link #split}: split's loop over any number of columns carries range-check predicates that the JIT found
     * wrong on later rows, each time compiling {@link #rareRow} (which inlines it) again.
     */
    private boolean splitTail(int tailFrom, int to) {
        int event = STANDARD.event();
        starts[event] = tailFrom;
        ends[event] = tailFrom + 1; // fastRow found the event byte and its comma
        quoted[event] = false;
        int dataFrom = tailFrom + 2;
        int dataTo;
        if (dataFrom < to && buf[dataFrom] == '"') {
            dataTo = quotedEnd(dataFrom, to);
            if (dataTo < 0 || dataTo == to || buf[dataTo] != ',') {
                return false;
            }
            quoted[event + 1] = true;
        } else {
            dataTo = Bytes.indexOfComma(buf, dataFrom, to);
            if (dataTo < 0) {
                return false;
            }
            quoted[event + 1] = false;
        }
        starts[event + 1] = dataFrom;
        ends[event + 1] = dataTo;
        int contextFrom = dataTo + 1;
        if (contextFrom < to && buf[contextFrom] == '"') {
            if (quotedEnd(contextFrom, to) != to) {
                return false;
            }
            quoted[event + 2] = true;
        } else {
            if (Bytes.indexOfComma(buf, contextFrom, to) >= 0) {
                return false;
            }
            quoted[event + 2] = false;
        }
        starts[event + 2] = contextFrom;
        ends[event + 2] = to;
        return true;
    }

    /** Just after the quote that closes the field opened at {@code from}, doubled quotes skipped; -1 when none does. */
    private int quotedEnd(int from, int to) {
        int i = from + 1;
        while (true) {
            int quote = Bytes.indexOfQuote(buf, i, to);
            if (quote < 0) {
                return -1;
            }
            if (quote + 1 < to && buf[quote + 1] == '"') {
                i = quote + 2;
                continue;
            }
            return quote + 1;
        }
    }

    /**
     * Whether a row not seen before is a command or reply that means nothing for its session: no TLS in it (so no
     * STARTTLS, no X-ANONYMOUSTLS) and no word the recogniser's rules require. That is what nearly every such row is
     * (a MAIL FROM with its size, a reply with a queue id: 663,185 of 664,265 in the benchmark's logs), and
     * {@link #meaning} would say {@link #NOTHING_SAID} for it too; the check is cheaper, and it keeps the rarely
     * needed {@link #meaning} cold, so the JIT does not spend a second compiling it. Leaves the words it found in
     * {@link #tailWords}, so that {@link #meaning} does not look for them again.
     */
    private boolean saysNothing(byte event, int dataField, int contextField) {
        if (event != '>' && event != '<') {
            tailWords = wordsOf(dataField, contextField);
            return false;
        }
        // One pass over each column for both questions: "TLS" in the data, and the recogniser's words in either.
        long data = classifier.wordsIn(buf, starts[dataField], ends[dataField]);
        tailWords = data | classifier.wordsIn(buf, starts[contextField], ends[contextField]);
        return (data & ProtocolLogLineClassifier.TLS) == 0 && !classifier.mayMatch(tailWords, kind == LogKind.RECEIVE);
    }

    /** {@link ProtocolLogLineClassifier#wordsIn} of both columns (a missing one: none). */
    private long wordsOf(int dataField, int contextField) {
        return (dataField >= 0 ? classifier.wordsIn(buf, starts[dataField], ends[dataField]) : 0)
                | (contextField >= 0 ? classifier.wordsIn(buf, starts[contextField], ends[contextField]) : 0);
    }

    /** Where {@link #fastRow} found a row's columns, for {@link #rareRow}. Reused: one per reader. */
    private static final class FastRowParts {
        int from;
        int nl;
        long base;
        long millis;
        long key;
        int connectorFrom;
        int connectorTo;
        int localFrom;
        int localTo;
        int remoteTo;
        byte event;
        long hash;
        RowMeaning meaning;
        SessionBuilder session;

        void set(
                int from,
                int nl,
                long base,
                long millis,
                long key,
                int connectorFrom,
                int connectorTo,
                int localFrom,
                int localTo,
                int remoteTo,
                byte event,
                long hash,
                RowMeaning meaning,
                SessionBuilder session) {
            this.from = from;
            this.nl = nl;
            this.base = base;
            this.millis = millis;
            this.key = key;
            this.connectorFrom = connectorFrom;
            this.connectorTo = connectorTo;
            this.localFrom = localFrom;
            this.localTo = localTo;
            this.remoteTo = remoteTo;
            this.event = event;
            this.hash = hash;
            this.meaning = meaning;
            this.session = session;
        }
    }

    /** The end of an unquoted column starting at {@code from} (its comma), or -1 when it is quoted or the row ends. */
    /**
     * Where the connector column ends (its comma), quoted or not: localised admins name connectors with commas
     * ({@code "Исходящий соединитель, EXO"}), which Exchange writes quoted, on every row of the session. A quoted
     * name with a doubled quote or a line break is left to the general path.
     */
    private int connectorColumnEnd(int from, int limit) {
        if (from >= limit || buf[from] != '"') {
            return unquotedColumnEnd(from, limit);
        }
        for (int i = from + 1; i < limit; i++) {
            byte b = buf[i];
            if (b == '"') {
                return i + 1 < limit && buf[i + 1] == ',' ? i + 1 : -1;
            }
            if (b == '\n' || b == '\r') {
                return -1;
            }
        }
        return -1;
    }

    private int unquotedColumnEnd(int from, int limit) {
        if (from >= limit || buf[from] == '"') {
            return -1;
        }
        int end = Bytes.indexOfCommaOrNewline(buf, from, limit);
        return end >= 0 && buf[end] == ',' ? end : -1;
    }

    private SessionBuilder newSession(long key, int sessionFrom, int sessionTo, long startOffset) {
        SessionBuilder session = new SessionBuilder(key, Bytes.decode(buf, sessionFrom, sessionTo), startOffset);
        open.put(key, session); // the bound on open sessions is kept in handOn(), once per buffer
        return session;
    }

    private void apply(SessionBuilder session, byte event, RowMeaning meaning) {
        applyWhole(session, event, meaning);
        emitClosed(lines - CLOSE_GRACE_LINES);
    }

    /** Certificates, matches and the end of a session: everything a row can do but hand sessions on. */
    private void applyWhole(SessionBuilder session, byte event, RowMeaning meaning) {
        meaning.applyTo(session);
        if (event == '-') {
            session.disconnectReason = meaning.disconnectReason();
            if (!session.closing) {
                session.closing = true;
                closing.add(session);
                oldestClosingLine = closing.peekFirst().lastLine;
            }
        }
    }

    /**
     * Splits and interprets one data row: {@link #ROW}, {@link #BAD} when it is not one, {@link #OPEN_QUOTE} when a
     * quoted field does not close before {@code to}. {@code lineEnd} is where its newline is.
     */
    private int row(int from, int to, int lineEnd, long startOffset, long endOffset) {
        FieldLayout f = layout;
        int n = split(from, to, 0, tailColumn >= 0 ? tailColumn : Integer.MAX_VALUE);
        if (n < 0) {
            return n == UNCLOSED ? OPEN_QUOTE : BAD;
        }
        // With the usual layout the tail (event, data, context) is looked up by its bytes: a repeated row is not split
        // further.
        RowMeaning meaning = null;
        int tailFrom = -1;
        long hash = 0;
        if (tailColumn >= 0 && n == tailColumn && splitResume >= 0) {
            tailFrom = splitResume;
            hash = RowMeaningCache.hash(buf, tailFrom, lineEnd);
            meaning = meanings.get(hash, kind, buf, tailFrom, lineEnd);
            if (meaning != null) {
                n += meaning.columns();
            } else {
                n = split(tailFrom, to, n, Integer.MAX_VALUE);
                if (n < 0) {
                    return n == UNCLOSED ? OPEN_QUOTE : BAD;
                }
            }
        }
        if (n < f.required() || n > f.count()) {
            return BAD;
        }
        if (quoted[f.dateTime()] || quoted[f.sessionId()] || quoted[f.sequence()]) {
            return BAD;
        }
        long millis = timestamps.parse(buf, starts[f.dateTime()], ends[f.dateTime()]);
        if (millis == Long.MIN_VALUE) {
            return BAD;
        }
        int sessionFrom = starts[f.sessionId()];
        int sessionTo = ends[f.sessionId()];
        if (sessionFrom == sessionTo || Bytes.parseInt(buf, starts[f.sequence()], ends[f.sequence()]) < 0) {
            return BAD;
        }
        byte event;
        if (meaning != null) {
            event = buf[tailFrom]; // the cached text was a valid row: its first byte is the event
        } else {
            int eventField = f.event();
            if (ends[eventField] - starts[eventField] != 1) {
                return BAD;
            }
            event = buf[starts[eventField]];
            if (event != '+' && event != '-' && event != '>' && event != '<' && event != '*') {
                return BAD;
            }
        }
        if (millis < sinceMillis) {
            return ROW; // a good row, only older than asked for
        }
        long key = Bytes.sessionKey(buf, sessionFrom, sessionTo);
        SessionBuilder session = open.get(key);
        if (session == null) {
            session = newSession(key, sessionFrom, sessionTo, startOffset);
        }
        session.seen(millis, lines, endOffset);
        if (session.connector == null && f.connector() >= 0 && f.connector() < n) {
            session.connector = connector(starts[f.connector()], ends[f.connector()], quoted[f.connector()]);
        }
        if (session.remoteEndpoint == null || session.remoteEndpoint.isEmpty()) {
            session.remoteEndpoint = field(f.remote(), n);
        }
        if ((session.localEndpoint == null || session.localEndpoint.isEmpty()) && f.local() >= 0) {
            session.localEndpoint = field(f.local(), n);
        }
        if (meaning == null) {
            int dataField = f.data() >= 0 && f.data() < n ? f.data() : -1;
            int contextField = f.context() >= 0 && f.context() < n ? f.context() : -1;
            meaning = meaning(
                    event,
                    n,
                    dataField,
                    contextField,
                    tailFrom >= 0 ? n - tailColumn : 0,
                    wordsOf(dataField, contextField));
            if (tailFrom >= 0) {
                meanings.offer(hash, kind, buf, tailFrom, lineEnd, meaning);
            }
        }
        apply(session, event, meaning);
        return ROW;
    }

    /**
     * A session is handed on only a little after its {@code -} row, so that a row Exchange wrote late (out of
     * sequence order) still joins its own session instead of starting a new one.
     */
    private void emitClosed(long closedBefore) {
        while (!closing.isEmpty() && closing.peekFirst().lastLine < closedBefore) {
            SessionBuilder done = closing.pollFirst();
            open.remove(done.key);
            finished.add(done);
        }
        oldestClosingLine = closing.isEmpty() ? Long.MAX_VALUE : closing.peekFirst().lastLine;
    }

    /**
     * Builds and hands on the sessions that {@link #emitClosed} took out, and bounds the open ones. Called once per
     * buffer rather than per row: the per-row code stays small, so the JIT compiles it quickly and once.
     */
    private void handOn() {
        for (SessionBuilder done : finished) {
            sink.accept(done, source, kind, true);
        }
        finished.clear();
        if (open.size() > MAX_OPEN_SESSIONS) {
            closeOldest();
        }
    }

    /**
     * What the row's event, data and context say, whichever session it belongs to: STARTTLS, the negotiated
     * protocol, certificates, the recogniser's matches, the disconnect reason.
     */
    private RowMeaning meaning(byte event, int n, int dataField, int contextField, int tailColumns, long words) {
        boolean starttlsUsed = false;
        boolean starttlsOffered = false;
        TlsProtocol protocol = null;
        RowMeaning certificate = null;
        boolean clientSpoke = kind == LogKind.SEND ? event == '>' : event == '<';
        boolean serverSpoke = kind == LogKind.SEND ? event == '<' : event == '>';
        if (dataField >= 0 && (clientSpoke || serverSpoke)) {
            int s = starts[dataField];
            int e = trimEnd(s, ends[dataField]);
            if (quoted[dataField]) {
                s++;
                e--;
            }
            if (clientSpoke
                    && (Bytes.equalsIgnoreCase(buf, s, e, "STARTTLS")
                            || Bytes.equalsIgnoreCase(buf, s, e, "X-ANONYMOUSTLS"))) {
                starttlsUsed = true;
            } else if (serverSpoke
                    && e - s >= 3
                    && buf[s] == '2'
                    && buf[s + 1] == '5'
                    && buf[s + 2] == '0'
                    && (Bytes.indexOfIgnoreCase(buf, s, e, "STARTTLS") >= 0
                            || Bytes.indexOfIgnoreCase(buf, s, e, "X-ANONYMOUSTLS") >= 0)) {
                starttlsOffered = true;
            }
        } else if (event == '*') {
            protocol = protocolIn(dataField);
            if (protocol == null) {
                protocol = protocolIn(contextField);
            }
            if (protocol == null) {
                certificate = certificate(dataField, contextField);
            }
        }
        List<LineMatch> matches = classify(dataField, contextField, words);
        String disconnectReason = event != '-'
                ? null
                : contextField >= 0 && ends[contextField] > starts[contextField]
                        ? field(contextField, n)
                        : dataField >= 0 && ends[dataField] > starts[dataField] ? field(dataField, n) : null;
        if (certificate == null) {
            return new RowMeaning(
                    tailColumns,
                    starttlsUsed,
                    starttlsOffered,
                    protocol,
                    RowMeaning.CertificateStep.NONE,
                    null,
                    null,
                    null,
                    null,
                    matches,
                    disconnectReason,
                    event);
        }
        return new RowMeaning(
                tailColumns,
                false,
                false,
                null,
                certificate.certificate(),
                certificate.role(),
                certificate.property(),
                certificate.value(),
                certificate.whole(),
                matches,
                disconnectReason,
                event);
    }

    private TlsProtocol protocolIn(int field) {
        if (field < 0) {
            return null;
        }
        int s = starts[field] + (quoted[field] ? 1 : 0);
        int e = ends[field];
        // Every SChannel success row starts "TLS protocol SP_PROT_…" (2010 to 2019): test that before searching.
        if (e - s < 24 || buf[s] != 'T' || buf[s + 1] != 'L' || buf[s + 2] != 'S' || buf[s + 3] != ' ') {
            return null;
        }
        int at = Bytes.indexOf(buf, s, Math.min(e, s + 40), SP_PROT);
        if (at < 0) {
            return null;
        }
        int p = at + SP_PROT.length;
        if (Bytes.startsWithIgnoreCase(buf, p, e, "TLS1_0_")
                || Bytes.startsWithIgnoreCase(buf, p, e, "TLS1_CLIENT")
                || Bytes.startsWithIgnoreCase(buf, p, e, "TLS1_SERVER")) {
            return TlsProtocol.TLS1_0; // Exchange 2010 writes SP_PROT_TLS1_CLIENT for 1.0
        }
        if (Bytes.startsWithIgnoreCase(buf, p, e, "TLS1_1_")) {
            return TlsProtocol.TLS1_1;
        }
        if (Bytes.startsWithIgnoreCase(buf, p, e, "TLS1_2_")) {
            return TlsProtocol.TLS1_2;
        }
        if (Bytes.startsWithIgnoreCase(buf, p, e, "TLS1_3_")) {
            return TlsProtocol.TLS1_3;
        }
        if (Bytes.startsWithIgnoreCase(buf, p, e, "SSL3_")) {
            return TlsProtocol.SSL3;
        }
        return null;
    }

    /**
     * Both layouts: a {@code Sending certificate} row then one row per property, or everything in one row. Returns
     * the certificate step only (the other parts of the answer are unused), or null when the row is about none.
     */
    private RowMeaning certificate(int dataField, int contextField) {
        if (contextField < 0) {
            return null;
        }
        int cs = starts[contextField];
        int ce = ends[contextField];
        if (quoted[contextField]) {
            cs++;
            ce--;
        }
        if (ce - cs < 11) {
            return null;
        }
        Certificate.Role role = Bytes.startsWithIgnoreCase(buf, cs, ce, "Sending certificate")
                ? Certificate.Role.SENT
                : Bytes.startsWithIgnoreCase(buf, cs, ce, "Received certificate") ? Certificate.Role.RECEIVED : null;
        if (role != null) {
            int rest = cs + "Sending certificate".length() - (role == Certificate.Role.RECEIVED ? 1 : 0);
            if (rest + 1 < ce
                    && Bytes.indexOfIgnoreCase(buf, rest, ce, "Subject") >= 0
                    && dataField >= 0
                    && ends[dataField] > starts[dataField]) {
                return certificateStep(
                        RowMeaning.CertificateStep.WHOLE,
                        role,
                        null,
                        null,
                        CertificateLine.parse(role, text(dataField)));
            }
            return certificateStep(RowMeaning.CertificateStep.BEGIN, role, null, null, null);
        }
        if (!Bytes.startsWithIgnoreCase(buf, cs, ce, "Certificate ")) {
            return null;
        }
        int p = cs + "Certificate ".length();
        String property = Bytes.startsWithIgnoreCase(buf, p, ce, "subject")
                ? "subject"
                : Bytes.startsWithIgnoreCase(buf, p, ce, "issuer")
                        ? "issuer"
                        : Bytes.startsWithIgnoreCase(buf, p, ce, "serial")
                                ? "serial"
                                : Bytes.startsWithIgnoreCase(buf, p, ce, "thumbprint")
                                        ? "thumbprint"
                                        : Bytes.startsWithIgnoreCase(buf, p, ce, "alternate")
                                                        || Bytes.startsWithIgnoreCase(buf, p, ce, "subject alternate")
                                                ? "alternateNames"
                                                : null;
        if (property != null && dataField >= 0) {
            return certificateStep(RowMeaning.CertificateStep.PROPERTY, null, property, text(dataField), null);
        }
        return null;
    }

    private static RowMeaning certificateStep(
            RowMeaning.CertificateStep step, Certificate.Role role, String property, String value, Certificate whole) {
        return new RowMeaning(0, false, false, null, step, role, property, value, whole, List.of(), null, false);
    }

    /** The recogniser's rules, on the few rows whose bytes hold one of their required words. */
    private List<LineMatch> classify(int dataField, int contextField, long words) {
        // The rules' literal words, not only their required ones (words: wordsOf both columns): every EHLO reply
        // holds "STARTTLS", and each differs by the client's address, so each was classified anew.
        if (!classifier.mayMatch(words, kind == LogKind.RECEIVE)) {
            return List.of();
        }
        String data = dataField >= 0 ? text(dataField) : "";
        String context = contextField >= 0 ? text(contextField) : "";
        String text = data.isEmpty() ? context : context.isEmpty() ? data : data + " " + context;
        String cacheKey = kind == LogKind.RECEIVE ? "R" + text : "S" + text;
        List<LineMatch> matches = classified.get(cacheKey);
        if (matches == null) {
            matches = List.copyOf(classifier.classify(text, kind == LogKind.RECEIVE));
            if (classified.size() >= CLASSIFY_CACHE) {
                classified.clear();
            }
            classified.put(cacheKey, matches);
        }
        return matches;
    }

    /** Bounds memory on a file where sessions never log their end: the least recently active half is closed. */
    private void closeOldest() {
        List<SessionBuilder> all = open.all();
        long[] lastLines = new long[all.size()];
        for (int i = 0; i < lastLines.length; i++) {
            lastLines[i] = all.get(i).lastLine;
        }
        Arrays.sort(lastLines);
        long threshold = lastLines[lastLines.length / 2];
        for (SessionBuilder builder : all) {
            if (builder.lastLine <= threshold && !builder.closing) {
                open.remove(builder.key);
                sink.accept(builder, source, kind, false);
            }
        }
    }

    /** The connector name: one String per distinct name while it is among the last few met. */
    private String connector(int s, int e, boolean quotedField) {
        int len = e - s;
        for (int k = 0; k < CONNECTOR_SLOTS; k++) {
            byte[] known = connectorBytes[k];
            if (known != null && known.length == len && Arrays.equals(buf, s, e, known, 0, len)) {
                return connectorNames[k];
            }
        }
        int slot = nextConnectorSlot;
        nextConnectorSlot = (slot + 1) % CONNECTOR_SLOTS;
        connectorBytes[slot] = Arrays.copyOfRange(buf, s, e);
        connectorNames[slot] = Bytes.text(buf, s, e, quotedField);
        return connectorNames[slot];
    }

    private String field(int field, int n) {
        return field < 0 || field >= n ? "" : text(field);
    }

    private String text(int field) {
        return Bytes.text(buf, starts[field], ends[field], quoted[field]);
    }

    private int trimEnd(int s, int e) {
        while (e > s && buf[e - 1] == ' ') {
            e--;
        }
        return e;
    }

    /**
     * RFC 4180 columns of {@code [from, to)} into {@link #starts}/{@link #ends}, numbered from {@code first} (a quoted
     * column keeps its quotes, unquoted only when its text is needed). Stops once {@code stop} columns are split:
     * {@link #splitResume} is then where the next column starts, or -1 when the row ended. Returns the number of
     * columns, {@link #UNCLOSED} for a quote still open at {@code to}, or -1 for a broken quote or too many columns.
     */
    private int split(int from, int to, int first, int stop) {
        int n = first;
        int i = from;
        while (true) {
            if (n == stop) {
                splitResume = i;
                return n;
            }
            if (n == MAX_FIELDS) {
                return -1;
            }
            starts[n] = i;
            if (i < to && buf[i] == '"') {
                quoted[n] = true;
                i++;
                while (true) {
                    int quote = Bytes.indexOfQuote(buf, i, to);
                    if (quote < 0) {
                        return UNCLOSED; // the quote does not close on this line: cut, or a line break inside
                    }
                    if (quote + 1 < to && buf[quote + 1] == '"') {
                        i = quote + 2; // a doubled quote inside the field
                        continue;
                    }
                    i = quote + 1;
                    break;
                }
                ends[n] = i;
                n++;
                if (i == to) {
                    splitResume = -1;
                    return n;
                }
                if (buf[i] != ',') {
                    return -1;
                }
                i++;
            } else {
                quoted[n] = false;
                int comma = Bytes.indexOfComma(buf, i, to);
                i = comma < 0 ? to : comma;
                ends[n] = i;
                n++;
                if (i == to) {
                    splitResume = -1;
                    return n;
                }
                i++;
            }
        }
    }

    /** A file that turns out not to be a protocol log. */
    private static final class NotALog extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SkipReason reason;
        final String detail;

        NotALog(SkipReason reason, String detail) {
            super(reason.name(), null, false, false);
            this.reason = reason;
            this.detail = detail;
        }
    }
}
