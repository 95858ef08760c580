package io.tlsdoctor.core.connectors;

import io.tlsdoctor.core.text.ByteOrderMarks;
import io.tlsdoctor.core.text.IoProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cmdlet output an admin saved or pasted, in any of its forms: {@code | Format-List} text, {@code Export-Clixml},
 * {@code ConvertTo-Json}; from Exchange on premises or Exchange Online. Windows PowerShell 5.1 writes UTF-16LE with
 * {@code >} and Export-Clixml, PowerShell 7 UTF-8: the encoding is taken from the BOM or the bytes.
 */
public final class SavedConnectorOutput implements ConnectorSource {

    /** Far above any organisation's connector output; a stream such as /dev/zero never ends. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private final List<Path> files;

    public SavedConnectorOutput(List<Path> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public ConnectorSnapshot collect() throws ConnectorInputException {
        ConnectorObjects objects = new ConnectorObjects();
        List<String> sources = new ArrayList<>();
        for (Path file : files) {
            String name = file.toString();
            // objects and notes name the file as the user sees it in a folder; messages about the file its whole path
            String shortName =
                    file.getFileName() == null ? name : file.getFileName().toString();
            List<ReadNote> notes = new ArrayList<>();
            List<PsObject> read = parse(decode(bytes(file), name), shortName, notes);
            notes.forEach(objects::note);
            if (objects.add(read) == 0) {
                throw new ConnectorInputException("connectors.read.nothing", name);
            }
            sources.add(name);
        }
        return objects.snapshot(false, sources);
    }

    /**
     * Reads text already in memory, named {@code name} in messages. The application reads files only; the tests read
     * their corpus and hand-made variants of it through this.
     */
    public static ConnectorSnapshot fromText(String text, String name) throws ConnectorInputException {
        return read(text, name, false);
    }

    /** Reads the JSON the live collector's script returned from {@code server}. */
    public static ConnectorSnapshot fromLive(String json, String server) throws ConnectorInputException {
        return read(json, server, true);
    }

    private static ConnectorSnapshot read(String text, String name, boolean live) throws ConnectorInputException {
        ConnectorObjects objects = new ConnectorObjects();
        List<ReadNote> notes = new ArrayList<>();
        List<PsObject> read = parse(text, name, notes);
        notes.forEach(objects::note);
        if (objects.add(read) == 0) {
            throw new ConnectorInputException("connectors.read.nothing", name);
        }
        return objects.snapshot(live, List.of(name));
    }

    static List<PsObject> parse(String text, String name, List<ReadNote> notes) throws ConnectorInputException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.indexOf('\0') >= 0) {
            throw new ConnectorInputException("connectors.read.binary", name);
        }
        String start = body.stripLeading();
        if (start.isEmpty()) {
            throw new ConnectorInputException("connectors.read.empty", name);
        }
        if (start.startsWith("<") || start.startsWith("#< CLIXML")) {
            return ClixmlReader.read(start, name);
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            if (looksLikeJson(start)) {
                return JsonOutputReader.read(start, name, notes);
            }
        }
        return FormatListReader.read(body, name);
    }

    /** {@code [PS] C:\>} prompts and {@code {a, b}} values also start with a bracket: JSON has a quote or bracket next. */
    private static boolean looksLikeJson(String start) {
        String rest = start.substring(1).stripLeading();
        return rest.isEmpty()
                || rest.charAt(0) == '"'
                || rest.charAt(0) == '{'
                || rest.charAt(0) == '['
                || rest.charAt(0) == ']'
                || rest.charAt(0) == '}';
    }

    private static byte[] bytes(Path file) throws ConnectorInputException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes(MAX_BYTES + 1);
            if (data.length > MAX_BYTES) {
                throw new ConnectorInputException(
                        "connectors.read.tooLarge", file.toString(), MAX_BYTES / (1024 * 1024));
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new ConnectorInputException("connectors.read.notFound", e, file.toString());
        } catch (IOException e) {
            throw new ConnectorInputException(
                    "connectors.read.unreadable",
                    e,
                    IoProblem.argsForFile(file, e).toArray());
        }
    }

    /** BOM first; UTF-16 without one shows as every other byte zero; else UTF-8, and Windows-1252 if that fails. */
    static String decode(byte[] data, String name) throws ConnectorInputException {
        Optional<String> marked = ByteOrderMarks.decode(data);
        if (marked.isPresent()) {
            return marked.get();
        }
        int oddZeros = 0;
        int evenZeros = 0;
        for (int i = 0; i < Math.min(data.length, 4096); i++) {
            if (data[i] == 0) {
                if (i % 2 == 1) {
                    oddZeros++;
                } else {
                    evenZeros++;
                }
            }
        }
        int sample = Math.min(data.length, 4096) / 2;
        if (sample > 0 && oddZeros > sample * 0.4 && evenZeros < sample * 0.1) {
            return new String(data, StandardCharsets.UTF_16LE);
        }
        if (sample > 0 && evenZeros > sample * 0.4 && oddZeros < sample * 0.1) {
            return new String(data, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(data, Charset.forName("windows-1252"));
        }
    }
}
