package io.tlsdoctor.core.evidence;

import io.tlsdoctor.core.text.IoProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an evidence file or standard input with the checks a user needs explained, not thrown at them. */
public final class EvidenceFiles {

    private EvidenceFiles() {}

    public static EvidenceText read(Path file) throws EvidenceInputException {
        if (Files.isDirectory(file)) {
            throw new EvidenceInputException("evidence.error.directory", file.toString());
        }
        if (!Files.exists(file)) {
            throw new EvidenceInputException("evidence.error.missing", file.toString());
        }
        try {
            long size = Files.size(file);
            if (size > EvidenceDecoder.MAX_BYTES) {
                throw new EvidenceInputException(
                        "evidence.error.tooLarge", size / (1024 * 1024), EvidenceDecoder.MAX_BYTES / (1024 * 1024));
            }
            // a pipe or a device (<(yes), /dev/zero) has no size and may never end: read at most the limit
            try (InputStream in = Files.newInputStream(file)) {
                return decodeAtMostLimit(in.readNBytes((int) EvidenceDecoder.MAX_BYTES + 1));
            }
        } catch (NoSuchFileException e) {
            throw new EvidenceInputException("evidence.error.missing", file.toString());
        } catch (IOException e) {
            throw new EvidenceInputException(
                    "evidence.error.unreadable", IoProblem.argsForFile(file, e).toArray());
        }
    }

    /** Reads at most {@link EvidenceDecoder#MAX_BYTES} (plus one, to tell that it was more) from a stream. */
    public static EvidenceText read(InputStream in) throws EvidenceInputException {
        try {
            return decodeAtMostLimit(in.readNBytes((int) EvidenceDecoder.MAX_BYTES + 1));
        } catch (IOException e) {
            throw new EvidenceInputException(
                    "evidence.error.unreadable", IoProblem.argsFor("-", e).toArray());
        }
    }

    /** {@code bytes} holds one byte more than the limit when the input went on past it. */
    private static EvidenceText decodeAtMostLimit(byte[] bytes) throws EvidenceInputException {
        if (bytes.length > EvidenceDecoder.MAX_BYTES) {
            throw new EvidenceInputException("evidence.error.moreThan", EvidenceDecoder.MAX_BYTES / (1024 * 1024));
        }
        EvidenceText text = EvidenceDecoder.decode(bytes);
        long lines = text.text().chars().filter(c -> c == '\n').count();
        if (lines > EvidenceDecoder.MAX_LINES) {
            throw new EvidenceInputException("evidence.error.tooManyLines", lines, EvidenceDecoder.MAX_LINES);
        }
        return text;
    }
}
