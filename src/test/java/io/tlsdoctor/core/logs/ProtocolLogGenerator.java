package io.tlsdoctor.core.logs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes realistic Exchange SMTP send and receive protocol logs (UTF-8 with BOM, CRLF, the exact five-line header,
 * quoted fields, interleaved sessions, files rotated by size and named SENDyyyymmddhh-n.LOG) with exactly the
 * session outcomes it is asked for. Used by the round-trip test and, from {@link #main}, by bench/logs-benchmark.sh.
 */
public final class ProtocolLogGenerator {

    /** How one generated session goes. */
    public enum Outcome {
        TLS1_0,
        TLS1_1,
        TLS1_2,
        TLS1_3,
        /** The peer offers no STARTTLS; mail goes in clear text. */
        PLAIN,
        /** {@code TLS negotiation failed with error SocketError}: the seed symptom. */
        TLS_SOCKET_ERROR,
        /** No STARTTLS used; the server answers {@code 451 5.7.3 Must issue a STARTTLS command first}. */
        STARTTLS_451,
        /** {@code TLS negotiation failed with error UnknownCredentials}: a certificate lookalike. */
        TLS_UNKNOWN_CREDENTIALS
    }

    /**
     * @param send         sessions per outcome in the Send log
     * @param receive      sessions per outcome in the Receive log
     * @param interleave   how many sessions are open at once
     * @param quoted       the share of sessions whose MAIL FROM is a quoted field with a comma and doubled quotes
     * @param maxFileBytes a file is rotated once it is this big (after its open sessions end)
     */
    public record Plan(
            Map<Outcome, Integer> send,
            Map<Outcome, Integer> receive,
            int interleave,
            double quoted,
            long maxFileBytes,
            long seed,
            Instant start,
            Variety variety) {
        /** The classic shape: one connector per direction, five partners, the same texts for all. */
        public Plan(
                Map<Outcome, Integer> send,
                Map<Outcome, Integer> receive,
                int interleave,
                double quoted,
                long maxFileBytes,
                long seed,
                Instant start) {
            this(send, receive, interleave, quoted, maxFileBytes, seed, start, Variety.CLASSIC);
        }

        public int sessions() {
            return send.values().stream().mapToInt(Integer::intValue).sum()
                    + receive.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * What varies beyond the outcomes, as on a busy server: its name, several connectors (names with commas and
     * non-ASCII letters, as localised admins name them, written quoted), tens of thousands of remote addresses on an
     * internet-facing receive connector, and EHLO names, senders and certificates that differ per partner.
     *
     * @param remotes      distinct receive-side remote addresses, taken in turn from a pool of this size (0: the
     *                     classic five partners)
     * @param partnerTexts EHLO names, banners, senders and certificate thumbprints that differ per remote address
     */
    public record Variety(
            String server,
            String localIp,
            List<String> sendConnectors,
            List<String> receiveConnectors,
            int remotes,
            boolean partnerTexts) {
        public static final Variety CLASSIC = new Variety(
                "EX01",
                "10.0.0.5",
                List.of("Outbound to Office 365"),
                List.of("EX01\\Default Frontend EX01"),
                0,
                false);
    }

    private static final String FIELDS =
            "date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    private static final String[] EXO = {"104.47.58.138", "104.47.59.138", "52.101.68.14", "52.101.73.2", "40.107.22.93"
    };
    private static final String[] PARTNERS = {
        "198.51.100.7", "198.51.100.23", "203.0.113.40", "[2001:db8:5::25]", "192.0.2.77"
    };
    private static final String THUMB = "3A6B1C0D2E4F5061728394A5B6C7D8E9F0A1B2C3";

    private final Plan plan;
    private final Random random;
    private long receivedFromPool;
    private long clock;
    private long nextSessionId;

    public ProtocolLogGenerator(Plan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
        this.clock = plan.start().toEpochMilli();
        this.nextSessionId = 0x08DAF3B1C2D40000L + plan.seed() * 0x100000L;
    }

    /** Writes SmtpSend/ and SmtpReceive/ under {@code folder}; returns the files written. */
    public List<Path> write(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        files.addAll(writeKind(folder.resolve("SmtpSend"), LogKind.SEND, plan.send()));
        files.addAll(writeKind(folder.resolve("SmtpReceive"), LogKind.RECEIVE, plan.receive()));
        return files;
    }

    private List<Path> writeKind(Path folder, LogKind kind, Map<Outcome, Integer> counts) throws IOException {
        Files.createDirectories(folder);
        List<Outcome> todo = new ArrayList<>();
        counts.forEach((outcome, n) -> todo.addAll(Collections.nCopies(n, outcome)));
        Collections.shuffle(todo, random);
        Iterator<Outcome> outcomes = todo.iterator();
        List<Path> files = new ArrayList<>();
        int instance = 0;
        long savedClock = clock;
        clock = plan.start().toEpochMilli(); // send and receive logs cover the same hours
        while (outcomes.hasNext()) {
            Path file = folder.resolve((kind == LogKind.SEND ? "SEND" : "RECV")
                    + NAME.format(Instant.ofEpochMilli(clock)) + "-" + (++instance) + ".LOG");
            files.add(file);
            try (CountingOut out = new CountingOut(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                line(out, "#Software: Microsoft Exchange Server");
                line(out, "#Version: 15.02.1258.012");
                line(
                        out,
                        "#Log-type: "
                                + (kind == LogKind.SEND ? "SMTP Send Protocol Log" : "SMTP Receive Protocol Log"));
                line(out, "#Date: " + STAMP.format(Instant.ofEpochMilli(clock)));
                line(out, "#Fields: " + FIELDS);
                List<Iterator<String>> open = new ArrayList<>();
                while (true) {
                    while (open.size() < plan.interleave() && outcomes.hasNext() && out.count < plan.maxFileBytes()) {
                        open.add(session(kind, outcomes.next()).iterator());
                    }
                    if (open.isEmpty()) {
                        break;
                    }
                    int pick = random.nextInt(open.size());
                    Iterator<String> session = open.get(pick);
                    line(out, session.next());
                    if (!session.hasNext()) {
                        open.remove(pick);
                    }
                }
            }
        }
        clock = Math.max(clock, savedClock);
        return files;
    }

    private static void line(CountingOut out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    /** The rows of one session; each row is stamped when it is written, so interleaved rows stay in time order. */
    private List<String> session(LogKind kind, Outcome outcome) {
        String id = String.format("%016X", nextSessionId++);
        Variety variety = plan.variety();
        int remoteIndex = random.nextInt(5);
        String remoteIp;
        int partner = -1;
        if (kind == LogKind.SEND
                && (outcome == Outcome.TLS1_2
                        || outcome == Outcome.TLS1_3
                        || outcome == Outcome.TLS_SOCKET_ERROR
                        || outcome == Outcome.STARTTLS_451)) {
            remoteIp = EXO[remoteIndex];
        } else if (kind == LogKind.RECEIVE && variety.remotes() > 0) {
            // In turn through the pool, each round (seed) starting further on, so that all of it is seen.
            partner = (int) Math.floorMod(plan.seed() * 4987L + receivedFromPool++, (long) variety.remotes());
            remoteIp = poolAddress(partner);
        } else {
            remoteIp = PARTNERS[remoteIndex];
            partner = variety.partnerTexts() ? remoteIndex : -1;
        }
        List<String> connectors = kind == LogKind.SEND ? variety.sendConnectors() : variety.receiveConnectors();
        String connector =
                connectors.size() == 1 ? connectors.get(0) : connectors.get(random.nextInt(connectors.size()));
        boolean quoted = random.nextDouble() < plan.quoted();
        SessionRows rows = new SessionRows(kind, id, remoteIp, connector, variety.partnerTexts() ? partner : -1);
        if (kind == LogKind.SEND) {
            sendSession(rows, outcome, quoted);
        } else {
            receiveSession(rows, outcome, quoted);
        }
        return rows.lines;
    }

    /** The i-th address of the pool: IPv4 mostly, every seventh IPv6, all distinct. */
    static String poolAddress(int i) {
        if (i % 7 == 6) {
            return "[2001:db8:" + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff) + "::25]";
        }
        return (77 + (i >>> 16)) + "." + ((i >>> 8) & 255) + "." + (i & 255) + "." + (1 + i % 250);
    }

    /** A partner's host name: mail.fabrikam.com in the classic shape. */
    private static String partnerHost(int partner) {
        return partner < 0 ? "mail.fabrikam.com" : "mx" + (partner % 3 + 1) + ".partner" + partner + ".example";
    }

    /** A certificate thumbprint of its own for each partner. */
    private static String partnerThumbprint(int partner) {
        return String.format(
                "%040X",
                new java.math.BigInteger(
                                1,
                                java.nio.ByteBuffer.allocate(8)
                                        .putLong(partner * 0x9E3779B97F4A7C15L)
                                        .array())
                        .shiftLeft(96)
                        .or(java.math.BigInteger.valueOf(partner)));
    }

    private void sendSession(SessionRows r, Outcome outcome, boolean quoted) {
        String peer = r.partner < 0 ? "BN8NAM12FT045.mail.protection.outlook.com" : partnerHost(r.partner);
        r.add("+", "", "attempting to connect");
        r.add("<", "220 " + peer + " Microsoft ESMTP MAIL Service ready at Fri, 27 Nov 2026 08:00:00 +0000", "");
        r.add(">", "EHLO mail.contoso.com", "");
        r.add("<", "250-" + peer + " Hello [203.0.113.5]", "");
        r.add("<", "250-SIZE 157286400", "");
        r.add("<", "250-PIPELINING", "");
        r.add("<", "250-DSN", "");
        r.add("<", "250-ENHANCEDSTATUSCODES", "");
        if (outcome != Outcome.PLAIN && outcome != Outcome.STARTTLS_451) {
            r.add("<", "250-STARTTLS", "");
        }
        r.add("<", "250-8BITMIME", "");
        r.add("<", "250-BINARYMIME", "");
        r.add("<", "250-CHUNKING", "");
        r.add("<", "250 SMTPUTF8", "");
        if (outcome == Outcome.STARTTLS_451) {
            r.add(">", mailFrom(quoted), "");
            r.add(
                    "<",
                    "451 5.7.3 Must issue a STARTTLS command first [BN8NAM12FT045.eop-nam12.prod.protection.outlook.com "
                            + STAMP.format(Instant.ofEpochMilli(clock)) + " 08DAF3B1C2D4E5F7]",
                    "");
            r.add(">", "QUIT", "");
            r.add("<", "221 2.0.0 Service closing transmission channel", "");
            r.add("-", "", "Local");
            return;
        }
        if (outcome != Outcome.PLAIN) {
            r.add(">", "STARTTLS", "");
            r.add("<", "220 2.0.0 SMTP server ready", "");
            r.add("*", "", "Sending certificate");
            r.add("*", "CN=mail.contoso.com, O=Contoso AB, L=Stockholm, C=SE", "Certificate subject");
            r.add("*", "CN=R3, O=Let's Encrypt, C=US", "Certificate issuer name");
            r.add("*", "04A1B2C3D4E5F60718293A4B5C6D7E8F", "Certificate serial number");
            r.add("*", THUMB, "Certificate thumbprint");
            r.add("*", "mail.contoso.com;autodiscover.contoso.com", "Certificate alternate names");
            if (outcome == Outcome.TLS_SOCKET_ERROR || outcome == Outcome.TLS_UNKNOWN_CREDENTIALS) {
                r.add(
                        "*",
                        "",
                        "TLS negotiation failed with error "
                                + (outcome == Outcome.TLS_SOCKET_ERROR ? "SocketError" : "UnknownCredentials"));
                r.add("-", "", "Local");
                return;
            }
            r.add("*", "", success(outcome, "CLIENT"));
            r.add("*", "", "Received certificate");
            r.add(
                    "*",
                    r.partner < 0 ? "8F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C" : partnerThumbprint(r.partner),
                    "Certificate thumbprint");
            r.add(">", "EHLO mail.contoso.com", "");
            r.add("<", "250-" + peer + " Hello [203.0.113.5]", "");
            r.add("<", "250 SMTPUTF8", "");
        }
        r.add(">", mailFrom(quoted), "");
        r.add("<", "250 2.1.0 Sender OK", "");
        r.add(">", "RCPT TO:<bob@fabrikam.com>", "");
        r.add("<", "250 2.1.5 Recipient OK", "");
        int size = 2000 + random.nextInt(90000);
        r.add(">", "BDAT " + size + " LAST", "");
        r.add(
                "<",
                "250 2.6.0 <" + r.id.toLowerCase() + "@mail.contoso.com> [InternalId=" + (10000 + random.nextInt(90000))
                        + ", Hostname=BN8NAM12HT045.eop-nam12.prod.protection.outlook.com] " + size
                        + " bytes in 0.172, 119 KB/sec Queued mail for delivery",
                "");
        r.add(">", "QUIT", "");
        r.add("<", "221 2.0.0 Service closing transmission channel", "");
        r.add("-", "", "Local");
    }

    private void receiveSession(SessionRows r, Outcome outcome, boolean quoted) {
        String server = plan.variety().server();
        String ehlo = "EHLO " + partnerHost(r.partner);
        r.add("+", "", "");
        r.add(
                "*",
                "SMTPSubmit SMTPAcceptAnyRecipient SMTPAcceptAuthenticationFlag SMTPAcceptAnySender",
                "Set Session Permissions");
        r.add(
                ">",
                "220 " + server + ".contoso.com Microsoft ESMTP MAIL Service ready at Fri, 27 Nov 2026 08:00:00 +0000",
                "");
        r.add("<", ehlo, "");
        String starttls = outcome == Outcome.PLAIN ? "" : " STARTTLS X-ANONYMOUSTLS";
        r.add(
                ">",
                "250  " + server + ".contoso.com Hello ["
                        + r.remoteIp.replace("[", "").replace("]", "")
                        + "] SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES" + starttls
                        + " AUTH NTLM 8BITMIME BINARYMIME CHUNKING SMTPUTF8",
                "");
        if (outcome == Outcome.STARTTLS_451) {
            r.add("<", mailFrom(quoted), "");
            r.add(">", "451 5.7.3 Must issue a STARTTLS command first", "");
            r.add("<", "QUIT", "");
            r.add(">", "221 2.0.0 Closing connection", "");
            r.add("-", "", "Local");
            return;
        }
        if (outcome != Outcome.PLAIN) {
            r.add("<", "STARTTLS", "");
            r.add(">", "220 2.0.0 SMTP server ready", "");
            r.add(
                    "*",
                    "CN=mail.contoso.com CN=R3, O=Let's Encrypt, C=US 04A1B2C3D4E5F60718293A4B5C6D7E8F " + THUMB
                            + " 2026-01-01T00:00:00.000Z 2026-12-31T23:59:59.000Z mail.contoso.com;autodiscover.contoso.com",
                    "Sending certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject alternate names");
            if (outcome == Outcome.TLS_SOCKET_ERROR || outcome == Outcome.TLS_UNKNOWN_CREDENTIALS) {
                r.add(
                        "*",
                        "",
                        "TLS negotiation failed with error "
                                + (outcome == Outcome.TLS_SOCKET_ERROR ? "SocketError" : "UnknownCredentials"));
                r.add("-", "", "Remote(SocketError)");
                return;
            }
            r.add("*", "", success(outcome, "SERVER"));
            if (r.partner < 0) {
                r.add("*", "", "Client certificate chain validation status: 'EmptyCertificate'");
            } else {
                r.add("*", "", "Received certificate");
                r.add("*", partnerThumbprint(r.partner), "Certificate thumbprint");
                r.add(
                        "*",
                        "CN=" + partnerHost(r.partner) + ", O=Partner " + r.partner + ", C=SE",
                        "Certificate subject");
            }
            r.add("<", ehlo, "");
            r.add(
                    ">",
                    "250  " + server + ".contoso.com Hello ["
                            + r.remoteIp.replace("[", "").replace("]", "") + "] SIZE 37748736 AUTH NTLM",
                    "");
        }
        r.add("<", r.partner < 0 ? mailFrom(quoted) : partnerMailFrom(r.partner, quoted), "");
        r.add(">", "250 2.1.0 Sender OK", "");
        r.add("<", "RCPT TO:<alice@contoso.com>", "");
        r.add(">", "250 2.1.5 Recipient OK", "");
        r.add("<", "DATA", "");
        r.add(">", "354 Start mail input; end with <CRLF>.<CRLF>", "");
        r.add(
                ">",
                "250 2.6.0 <" + r.id.toLowerCase() + "@mail.fabrikam.com> [InternalId="
                        + (10000 + random.nextInt(90000)) + ", Hostname=" + server
                        + ".contoso.com] Queued mail for delivery",
                "");
        r.add("<", "QUIT", "");
        r.add(">", "221 2.0.0 Closing connection", "");
        r.add("-", "", "Local");
    }

    private String mailFrom(boolean quoted) {
        int size = 2000 + random.nextInt(90000);
        return quoted
                ? "MAIL FROM:<\"Svensson, Anna \"\"AS\"\"\"@contoso.com> SIZE=" + size
                : "MAIL FROM:<alice@contoso.com> SIZE=" + size;
    }

    private String partnerMailFrom(int partner, boolean quoted) {
        int size = 2000 + random.nextInt(90000);
        return (quoted ? "MAIL FROM:<\"Andersson, Åsa\"@partner" : "MAIL FROM:<noreply@partner") + partner
                + ".example> SIZE=" + size;
    }

    private static String success(Outcome outcome, String side) {
        String token = switch (outcome) {
            case TLS1_0 -> "TLS1_0";
            case TLS1_1 -> "TLS1_1";
            case TLS1_3 -> "TLS1_3";
            default -> "TLS1_2";
        };
        return "TLS protocol SP_PROT_" + token + "_" + side
                + " negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, "
                + "MAC hash algorithm CALG_SHA_384 with strength 384 bits and key exchange algorithm CALG_ECDH_EPHEM with strength 384 bits";
    }

    /** Rows of one session, formatted as Exchange does (quoted only when needed). */
    private final class SessionRows {
        final LogKind kind;
        final String id;
        final String remoteIp;
        final String remote;
        final String local;
        final String connector;
        /** The partner's number when texts differ per partner, else -1. */
        final int partner;

        final List<String> lines = new ArrayList<>(40);

        SessionRows(LogKind kind, String id, String remoteIp, String connector, int partner) {
            this.kind = kind;
            this.id = id;
            this.remoteIp = remoteIp;
            this.connector = csv(connector);
            this.partner = partner;
            int ephemeral = 49152 + random.nextInt(16000);
            this.remote = remoteIp + ":" + (kind == LogKind.SEND ? 25 : ephemeral);
            this.local = (remoteIp.startsWith("[")
                            ? "[2001:db8:1::5]"
                            : plan.variety().localIp()) + ":" + (kind == LogKind.SEND ? ephemeral : 25);
        }

        /** The row is only stamped when written: the list holds a template with a time placeholder. */
        void add(String event, String data, String context) {
            int sequence = lines.size();
            String localField = sequence == 0 && kind == LogKind.SEND ? "" : local;
            lines.add(new StringBuilder(160)
                    .append(connector)
                    .append(',')
                    .append(id)
                    .append(',')
                    .append(sequence)
                    .append(',')
                    .append(localField)
                    .append(',')
                    .append(remote)
                    .append(',')
                    .append(event)
                    .append(',')
                    .append(csv(data))
                    .append(',')
                    .append(csv(context))
                    .toString());
        }
    }

    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** Counts bytes and stamps each row with the generator's clock as it goes out. */
    private final class CountingOut extends OutputStream {
        private final OutputStream out;
        long count;
        private boolean lineStart = true;

        CountingOut(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
            lineStart = b == '\n';
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (lineStart && len > 0 && b[off] != '#' && b[off] != (byte) 0xEF) {
                clock += random.nextInt(40);
                byte[] stamp = (STAMP.format(Instant.ofEpochMilli(clock)) + ",").getBytes(StandardCharsets.US_ASCII);
                out.write(stamp);
                count += stamp.length;
            }
            out.write(b, off, len);
            count += len;
            lineStart = false;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Benchmark data shapes, see {@link #main}. */
    public enum Shape {
        /** The shape of the first benchmark: one server, one connector per direction, five partners, 8 sessions open. */
        CLASSIC,
        /**
         * A busy internet-facing server: 300 sessions open at once, several connectors with quoted non-ASCII names,
         * 66,000 distinct remote addresses on the receive side, texts that differ per partner; FrontEnd and Hub logs.
         */
        BUSY,
        /** BUSY's rows from two Mailbox servers (FrontEnd and Hub logs each) and an Edge Transport server, in one folder. */
        SERVERS,
        /** SERVERS in one .zip archive. */
        ZIP
    }

    /** 66,000: what an internet-facing receive connector sees in two weeks (issue 15). */
    static final int BUSY_REMOTES = 66_000;

    /** A server's role and the connectors its logs name. */
    private record Role(String server, String folder, String localIp, List<String> send, List<String> receive) {}

    private static List<Role> roles(Shape shape) {
        Role frontEnd1 = new Role(
                "EX01",
                "EX01/TransportRoles/Logs/FrontEnd/ProtocolLog",
                "10.0.0.5",
                List.of("Outbound Proxy Frontend EX01"),
                List.of(
                        "EX01\\Default Frontend EX01",
                        "EX01\\Internet, inbound (anonymous)",
                        "EX01\\Client Frontend EX01"));
        Role hub1 = new Role(
                "EX01",
                "EX01/TransportRoles/Logs/Hub/ProtocolLog",
                "10.0.0.5",
                List.of(
                        "Outbound to Office 365",
                        "Исходящий соединитель, EXO",
                        "Utgående anslutning, EXO",
                        "Intra-Organization SMTP Send Connector"),
                List.of("EX01\\Default EX01", "EX01\\Client Proxy EX01"));
        if (shape == Shape.BUSY) {
            return List.of(frontEnd1, hub1);
        }
        Role frontEnd2 = new Role(
                "EX02",
                "EX02/TransportRoles/Logs/FrontEnd/ProtocolLog",
                "10.0.0.6",
                List.of("Outbound Proxy Frontend EX02"),
                List.of("EX02\\Default Frontend EX02", "EX02\\Internet, inbound (anonymous)"));
        Role hub2 = new Role(
                "EX02",
                "EX02/TransportRoles/Logs/Hub/ProtocolLog",
                "10.0.0.6",
                List.of(
                        "Outbound to Office 365",
                        "Исходящий соединитель, EXO",
                        "Intra-Organization SMTP Send Connector"),
                List.of("EX02\\Default EX02"));
        Role edge = new Role(
                "EDGE01",
                "EDGE01/TransportRoles/Logs/Edge/ProtocolLog",
                "192.0.2.10",
                List.of(
                        "EdgeSync - Default-First-Site-Name to Internet",
                        "EdgeSync - Inbound to Default-First-Site-Name"),
                List.of("EDGE01\\Default internal receive connector EDGE01"));
        return List.of(frontEnd1, hub1, frontEnd2, hub2, edge);
    }

    /**
     * Benchmark data: {@code ProtocolLogGenerator FOLDER MEGABYTES [SHAPE]} (SHAPE one of {@link Shape}, default
     * CLASSIC). Writes send and receive logs until the total reaches the size: mostly TLS 1.2, some legacy partners, a
     * few failures of each kind. CLASSIC writes exactly what this generator wrote before the shapes were added.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        long target = Long.parseLong(args[1]) * 1024 * 1024;
        Shape shape = args.length > 2 ? Shape.valueOf(args[2].toUpperCase(java.util.Locale.ROOT)) : Shape.CLASSIC;
        Path into = shape == Shape.ZIP ? folder.resolve("unzipped") : folder;
        long written = 0;
        int round = 0;
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        List<Role> roles = shape == Shape.CLASSIC ? List.of() : roles(shape == Shape.ZIP ? Shape.SERVERS : shape);
        while (written < target) {
            Map<Outcome, Integer> mix = new EnumMap<>(Outcome.class);
            mix.put(Outcome.TLS1_2, 4200);
            mix.put(Outcome.TLS1_3, 300);
            mix.put(Outcome.TLS1_0, 150);
            mix.put(Outcome.TLS1_1, 60);
            mix.put(Outcome.PLAIN, 200);
            mix.put(Outcome.TLS_SOCKET_ERROR, 40);
            mix.put(Outcome.STARTTLS_451, 30);
            mix.put(Outcome.TLS_UNKNOWN_CREDENTIALS, 5);
            Plan plan;
            Path roundFolder;
            if (shape == Shape.CLASSIC) {
                plan = new Plan(mix, mix, 8, 0.1, 10L * 1024 * 1024, round, start.plusSeconds(3600L * round));
                roundFolder = into.resolve("round" + round);
            } else {
                Role role = roles.get(round % roles.size());
                Variety variety =
                        new Variety(role.server(), role.localIp(), role.send(), role.receive(), BUSY_REMOTES, true);
                plan = new Plan(
                        mix,
                        mix,
                        300,
                        0.1,
                        10L * 1024 * 1024,
                        round,
                        start.plusSeconds(3600L * (round / roles.size())),
                        variety);
                roundFolder = into.resolve(role.folder()).resolve("round" + round);
            }
            for (Path file : new ProtocolLogGenerator(plan).write(roundFolder)) {
                written += Files.size(file);
            }
            round++;
        }
        if (shape == Shape.ZIP) {
            zip(into, folder.resolve("logs.zip"));
            try (java.util.stream.Stream<Path> walk = Files.walk(into)) {
                for (Path path :
                        walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        System.out.println(
                "wrote " + (written / (1024 * 1024)) + " MB in " + round + " rounds (" + shape + ") to " + folder);
    }

    /** Every file under {@code folder} into one archive, paths kept, compressed as Windows' "compressed folder" does. */
    private static void zip(Path folder, Path archive) throws IOException {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16));
                java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(
                        folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }
}
