package io.tlsdoctor.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.diagnosis.Cause;
import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Confidence;
import io.tlsdoctor.core.diagnosis.EvidenceLink;
import io.tlsdoctor.core.diagnosis.RestartState;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Category;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.logs.TlsProtocol;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.core.probe.StepName;
import io.tlsdoctor.core.probe.StepStatus;
import io.tlsdoctor.core.probe.VersionOutcome;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.registry.SchannelState;
import io.tlsdoctor.core.registry.SnapshotOrigin;
import io.tlsdoctor.core.text.ByteOrderMarks;
import io.tlsdoctor.core.text.ContentProblem;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The diagnosis summary a helpdesk attaches to a ticket: what was seen, checked, found, changed and what is left.
 * It is self-contained and already worded in one {@link #language()}: every sentence was resolved from the message
 * bundles when it was built, so a saved copy reads exactly as the admin who made it saw it. Enum fields stay
 * machine-readable; renderers word them in the summary's language. A check that did not run is marked
 * {@code ran: false}, a part that is unknown is null: nothing is filled in that was not observed.
 * <p>
 * Times are ISO-8601 UTC text ({@code 2026-11-27T09:12:05Z}).
 *
 * @param redacted    host names, domains, addresses and user names were replaced by placeholders ({@link #redact()})
 * @param checks      one line per check: whether it ran and what it found
 * @param symptom     what the user picked or pasted; null when neither
 * @param conclusion  null when no conclusion was drawn (yet)
 * @param changes     changes made on the server (never a rehearsal)
 * @param restart     null when the restart state was not looked at
 * @param rehearsals  the fix rehearsed on a copy of the server's export; left out of the JSON when there was none
 * @param connectors  Exchange's connectors and certificates; left out of the JSON when that check did not run
 */
public record DiagnosisSummary(
        String schema,
        String language,
        boolean redacted,
        Context context,
        Symptom symptom,
        List<CheckLine> checks,
        RegistryCheck registry,
        List<Handshake> handshakes,
        LogsCheck logs,
        Diagnosis conclusion,
        List<Change> changes,
        Restart restart,
        List<String> nextSteps,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Rehearsal> rehearsals,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConnectorsCheck connectors) {

    public static final String SCHEMA = "tlsdoctor.summary/1";

    public DiagnosisSummary {
        checks = copy(checks);
        handshakes = copy(handshakes);
        changes = copy(changes);
        nextSteps = copy(nextSteps);
        rehearsals = copy(rehearsals);
    }

    /**
     * The same summary with host names, domains, IP addresses, e-mail addresses and user names replaced by
     * consistent placeholders ({@code host-1}, {@code domain-1}, {@code ip-1}, {@code user-1}) in every field, for
     * sending to a vendor or a forum. All formats render from it, so none can leak what another hides.
     */
    public DiagnosisSummary redact() {
        return Redactor.redact(this);
    }

    /**
     * This summary marked as redacted, for {@link Redactor} once it has rewritten every text. Listing the parts here
     * is safe: a part added to the record changes this constructor, so it cannot be forgotten without a compile error.
     */
    DiagnosisSummary markedRedacted() {
        return new DiagnosisSummary(
                schema,
                language,
                true,
                context,
                symptom,
                checks,
                registry,
                handshakes,
                logs,
                conclusion,
                changes,
                restart,
                nextSteps,
                rehearsals,
                connectors);
    }

    /** Reads a summary saved as JSON, refusing anything that is not one (another schema, malformed JSON). */
    public static DiagnosisSummary read(Path file) throws UserFacingException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("summary.error.notFound", List.of(file.toString()), e);
        } catch (IOException e) {
            throw new UserFacingException("summary.error.unreadable", IoProblem.argsForFile(file, e), e);
        }
        String text;
        try {
            // Notepad's "Unicode" saves UTF-16 with a byte-order mark: still the summary, not "not JSON"
            Optional<String> marked = ByteOrderMarks.decode(bytes);
            text = marked.isPresent()
                    ? marked.get()
                    : StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(bytes))
                            .toString();
        } catch (CharacterCodingException e) {
            throw new UserFacingException(
                    "summary.error.notJson", List.of(file.getFileName().toString()), e);
        }
        return parse(text, file.getFileName().toString());
    }

    /**
     * Reads a summary from JSON text (a file's content, a paste).
     *
     * @param sourceName how the user knows the source (a file name), for the message when it is refused
     */
    public static DiagnosisSummary parse(String json, String sourceName) throws UserFacingException {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw malformed(sourceName, ContentProblem.of(null, text, sourceName), null);
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (IOException e) {
            ContentProblem problem = ContentProblem.of(e, text, sourceName);
            if (problem.kind() != ContentProblem.Kind.ANOTHER_FILE) {
                // a summary cut short in a copy, or with a slip made by hand, is still one: "not a JSON file, open
                // the .json" would mislead; only a file of another kind (a saved .html page) is told that
                throw malformed(sourceName, problem, e);
            }
            throw new UserFacingException("summary.error.notJson", List.of(sourceName), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new UserFacingException("summary.error.notJson", List.of(sourceName), null);
        }
        if (!tree.isObject()) {
            // JSON, so "not a JSON file" would be wrong: a list or a text where the summary belongs
            throw malformed(sourceName, ContentProblem.otherKind(), null);
        }
        JsonNode schema = tree.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new UserFacingException("summary.error.noSchema", List.of(sourceName), null);
        }
        if (!SCHEMA.equals(schema.asText())) {
            throw new UserFacingException(
                    "summary.error.schema",
                    List.of(sourceName, SafeText.visible(abbreviate(schema.asText())), SCHEMA),
                    null);
        }
        try {
            return Json.mapper().treeToValue(tree, DiagnosisSummary.class);
        } catch (IOException | IllegalArgumentException e) {
            throw malformed(sourceName, ContentProblem.of(located(text, e), text, sourceName), e);
        }
    }

    private static UserFacingException malformed(String sourceName, ContentProblem problem, Throwable cause) {
        return new UserFacingException("summary.error.malformed", problem.argsFor(sourceName), cause);
    }

    /**
     * The failure with its line and column: read from the tree, Jackson knows only the field. Read once more from the
     * text, only when the tree was refused, to point the user at the place in the file.
     */
    private static Exception located(String text, Exception fromTree) {
        try {
            Json.mapper().readValue(text, DiagnosisSummary.class);
            return fromTree;
        } catch (IOException | IllegalArgumentException fromText) {
            return fromText;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    // == Parts ==

    /**
     * When, where and by whom. {@code osName}/{@code exchangeBuild} are null when the registry check did not run or
     * did not say.
     *
     * @param when         ISO-8601 UTC
     * @param computerName the server (live) or the desktop the files were read on (offline)
     * @param osBuild      {@code 17763.6893}
     * @param exchange     {@code Exchange Server 2019 CU14}
     * @param exchangeBuild {@code 15.2.1544.4}
     */
    public record Context(
            String when,
            String computerName,
            String userName,
            CheckMode mode,
            String osName,
            String osBuild,
            String exchange,
            String exchangeBuild,
            String toolVersion) {}

    /**
     * The symptom the diagnosis started from.
     *
     * @param picked       the user chose it on a symptom card (else it was recognised in the evidence)
     * @param evidence     how the evidence was read ("pasted text, 40 lines"), or null when there was none
     * @param excerpts     every recognised detection, most important first, with its lines as written
     */
    public record Symptom(
            SymptomCode code,
            String title,
            Category category,
            Direction direction,
            boolean picked,
            String explanation,
            String evidence,
            List<Excerpt> excerpts,
            String generator,
            String remote) {
        public Symptom {
            excerpts = copy(excerpts);
        }
    }

    /** One thing the recogniser found, and the evidence lines it was found on, with one line of context each side. */
    public record Excerpt(
            SymptomCode code,
            String title,
            Category category,
            Direction direction,
            int occurrences,
            String matched,
            List<EvidenceLine> lines) {
        public Excerpt {
            lines = copy(lines);
        }
    }

    /**
     * One line of the evidence as the user gave it, with its 1-based number.
     *
     * @param matched the recogniser found the symptom on this line; the others are the lines around it (in an NDR,
     *                the recipient above and the headers below), which a reader needs to know whose mail failed
     */
    public record EvidenceLine(int number, String text, boolean matched) {}

    /** One check at a glance. */
    public record CheckLine(CheckKind kind, boolean ran, String result) {}

    /**
     * This server's SChannel settings.
     *
     * @param tls12Client null when unknown
     */
    public record RegistryCheck(
            boolean ran,
            SnapshotOrigin origin,
            Boolean tls12Client,
            Boolean tls12Server,
            List<ProtocolRow> protocols,
            List<RegistryFinding> findings) {
        public RegistryCheck {
            protocols = copy(protocols);
            findings = copy(findings);
        }
    }

    /** One SChannel protocol, both sides, and HealthChecker's label for it (null when it has none). */
    public record ProtocolRow(String protocol, SchannelState client, SchannelState server, String healthChecker) {}

    /** One registry finding, in the summary's language, with the raw values it rests on. */
    public record RegistryFinding(
            String id, FindingStatus status, String title, String detail, String remediation, List<RawValue> values) {
        public RegistryFinding {
            values = copy(values);
        }
    }

    /** A registry value as read: {@code value} as regedit shows it, null when absent. */
    public record RawValue(String path, String name, String value) {}

    /**
     * One STARTTLS handshake test.
     *
     * @param target  {@code host:port}
     * @param mx      {@code MX 10 of contoso.com} when the target came from an MX lookup, else null
     * @param banner  the greeting's lines as the server sent them
     */
    public record Handshake(
            Direction direction,
            String target,
            String ip,
            String mx,
            long millis,
            List<Step> steps,
            String protocol,
            String cipher,
            List<MatrixCell> matrix,
            Certificate certificate,
            List<Note> findings,
            List<String> banner,
            List<String> ehlo,
            boolean starttlsAdvertised,
            List<String> transcript) {
        public Handshake {
            steps = copy(steps);
            matrix = copy(matrix);
            findings = copy(findings);
            banner = copy(banner);
            ehlo = copy(ehlo);
            transcript = copy(transcript);
        }
    }

    /** One step of the SMTP conversation. */
    public record Step(StepName step, StepStatus status, long millis, String detail) {}

    /** One TLS version offered alone: accepted or refused, and why. */
    public record MatrixCell(String version, VersionOutcome outcome, String cipher, String detail) {}

    /** The certificate the server sent, and how Exchange Online would judge it. */
    public record Certificate(
            boolean trusted,
            String trustProblem,
            boolean nameMatches,
            boolean expired,
            boolean notYetValid,
            boolean sha1Signed,
            List<CertificateEntry> chain) {
        public Certificate {
            chain = copy(chain);
        }
    }

    /** One certificate of the chain, leaf first. */
    public record CertificateEntry(
            String subject,
            List<String> alternativeNames,
            String issuer,
            String notBefore,
            String notAfter,
            String signatureAlgorithm,
            String sha256) {
        public CertificateEntry {
            alternativeNames = copy(alternativeNames);
        }
    }

    /** A worded finding with how much it matters. */
    public record Note(Severity severity, String text) {}

    /**
     * The protocol logs.
     *
     * @param remotes        the busiest remotes, most failures first; {@code remotesLeftOut} more were not listed
     * @param legacyPartners the remotes that still negotiate TLS 1.0/1.1 or SSL 3; {@code legacyPartnersLeftOut} more
     *                       were not listed
     * @param example        one failed session's rows as written (for the most frequent reason), or null
     */
    public record LogsCheck(
            boolean ran,
            int files,
            long bytes,
            long lines,
            long badLines,
            long sessions,
            long failedSessions,
            List<SkippedFile> skipped,
            List<String> badSamples,
            List<Reason> failuresByReason,
            List<Remote> remotes,
            int remotesLeftOut,
            List<Remote> legacyPartners,
            int legacyPartnersLeftOut,
            Example example) {
        public LogsCheck {
            skipped = copy(skipped);
            badSamples = copy(badSamples);
            failuresByReason = copy(failuresByReason);
            remotes = copy(remotes);
            legacyPartners = copy(legacyPartners);
        }
    }

    /** A file that was not analysed, and why. */
    public record SkippedFile(String path, String reason) {}

    /** Failed sessions for one reason. */
    public record Reason(SymptomCode code, String title, long sessions) {}

    /** Everything seen with one remote address in one log direction. */
    public record Remote(
            String remote,
            LogKind kind,
            String connector,
            long sessions,
            List<ProtocolCount> tls,
            long failed,
            String first,
            String last,
            boolean legacy) {
        public Remote {
            tls = copy(tls);
        }
    }

    /** Sessions that negotiated one protocol. */
    public record ProtocolCount(TlsProtocol protocol, long sessions) {}

    /** One failed session, its rows as the log wrote them. */
    public record Example(
            SymptomCode reason,
            String title,
            String file,
            String sessionId,
            String remote,
            String start,
            List<String> transcript,
            boolean cut) {
        public Example {
            transcript = copy(transcript);
        }
    }

    /**
     * The conclusion.
     *
     * @param explanation the cause explained at more length, when the bundles have it; else null
     */
    public record Diagnosis(
            Cause cause,
            String title,
            Confidence confidence,
            String explanation,
            List<Link> chain,
            boolean registryFix) {
        public Diagnosis {
            chain = copy(chain);
        }
    }

    /** One link of the evidence chain. */
    public record Link(CheckKind source, EvidenceLink.Bearing bearing, String text) {}

    /**
     * One apply or undo of registry values.
     *
     * @param backupFolder where the prior state was saved, or null when nothing was saved
     * @param restoreFile  the .reg file in it that puts everything back, or null
     * @param problem      what went wrong, worded; null on success
     */
    public record Change(
            ApplyResult.Outcome outcome,
            String store,
            String backupFolder,
            String restoreFile,
            String problem,
            List<ValueChange> values) {
        public Change {
            values = copy(values);
        }
    }

    /**
     * The fix applied to a copy of the server's export, to see what it would write: the server was not changed.
     *
     * @param copy        the rehearsed copy
     * @param clientAfter TLS 1.2 for sending as the rehearsed copy reads when checked again; null when not checked
     */
    /**
     * The connectors check (issue 22): where it read, the problem it found, and every finding with its exact field
     * and the commands to review; texts already in the summary's language.
     *
     * @param problem CERTIFICATE, CONNECTOR, or null when nothing failed
     */
    public record ConnectorsCheck(boolean live, List<String> sources, String problem, List<ConnectorItem> findings) {
        public ConnectorsCheck {
            sources = copy(sources);
            findings = copy(findings);
        }
    }

    /** One finding of the connectors check; {@code evidence} as {@code object -> field: value}. */
    public record ConnectorItem(
            String id,
            FindingStatus status,
            String title,
            String subject,
            String detail,
            List<String> evidence,
            String advice,
            List<String> commands) {
        public ConnectorItem {
            evidence = copy(evidence);
            commands = copy(commands);
        }
    }

    public record Rehearsal(
            ApplyResult.Outcome outcome,
            String copy,
            String problem,
            List<ValueChange> values,
            Boolean clientAfter,
            Boolean serverAfter) {
        public Rehearsal {
            values = DiagnosisSummary.copy(values);
        }
    }

    /** One value: before → after (null: absent). */
    public record ValueChange(String location, String before, String wanted, String after, ChangeResult.State state) {}

    /** Whether the settings are in effect; TLS 1.2 per side before the fix and after the restart (null: unknown). */
    public record Restart(
            RestartState.Status status,
            String scheduledFor,
            Boolean clientBefore,
            Boolean serverBefore,
            Boolean clientAfter,
            Boolean serverAfter) {}
}
