package io.tlsdoctor.core.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.InstantJson;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.text.ContentProblem;
import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything {@code tlsdoctor collect} read on one server, saved as one file so it can be judged later and beside the
 * other servers' ({@code compare}). Only what was read is kept, never a judgement: a newer TLS Doctor judges an old
 * snapshot by its own rules.
 *
 * @param server      the computer's name, as the comparison names it
 * @param toolVersion the TLS Doctor that collected it
 * @param registry    the registry as read there (OS and Exchange build and the restart markers are in it)
 * @param handshakes  SChannel handshakes made from that server, in the order they ran; empty when none was asked
 * @param logs        what its protocol logs said, or null when none were read
 */
public record ServerSnapshot(
        String schema,
        String server,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant collectedAt,

        String toolVersion,
        RegistrySnapshot registry,
        List<HandshakeRecord> handshakes,
        LogDigest logs) {

    public static final String FAMILY = "tlsdoctor.server-snapshot/";
    public static final int VERSION = 1;
    public static final String SCHEMA = FAMILY + VERSION;
    /** What every collect file's name ends with: {@code compare} recognises them by it. */
    public static final String SUFFIX = ".tlsdoctor.json";
    /** A snapshot is tens of kilobytes; a file far larger is not one (and is not read whole into memory). */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final Pattern SAFE = Pattern.compile("[^A-Za-z0-9.-]");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    public ServerSnapshot {
        if (schema == null) {
            schema = SCHEMA;
        }
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(registry, "registry");
        handshakes = handshakes == null ? List.of() : List.copyOf(handshakes);
    }

    /**
     * {@code EX01_20261203-123000Z.tlsdoctor.json}: sorts by server, then time; characters a share or a shell would
     * trip on become {@code _}.
     */
    public String fileName() {
        return SAFE.matcher(server).replaceAll("_") + "_" + STAMP.format(collectedAt) + "Z" + SUFFIX;
    }

    /** The last handshake, or null when none was made. */
    public HandshakeRecord lastHandshake() {
        return handshakes.isEmpty() ? null : handshakes.get(handshakes.size() - 1);
    }

    /**
     * Writes the snapshot into {@code folder} under {@link #fileName()}, through a temporary file beside it, so a
     * crash or a full disk never leaves half a snapshot under the real name; an existing file is replaced only with
     * {@code force}.
     *
     * @return the file written
     */
    public Path writeInto(Path folder, boolean force) throws UserFacingException {
        Path target = folder.resolve(fileName()).toAbsolutePath();
        if (!force && Files.exists(target)) {
            throw new UserFacingException("fleet.collect.exists", List.of(target.toString()), null);
        }
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException | RuntimeException e) {
            // before the FileAlreadyExistsException below: here it means the folder is a file, not that the snapshot
            // exists
            throw writeFailed(target, e);
        }
        try {
            temporary = Files.createTempFile(target.getParent(), ".tlsdoctor-collect", ".tmp");
            Files.write(temporary, Json.pretty(this).getBytes(StandardCharsets.UTF_8));
            if (force) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temporary, target); // refuses a file that appeared meanwhile
            }
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new UserFacingException("fleet.collect.exists", List.of(target.toString()), e);
        } catch (IOException | RuntimeException e) {
            throw writeFailed(target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Why the snapshot could not be written, in words (the exception itself goes to the log). */
    private static UserFacingException writeFailed(Path target, Exception e) {
        EventLog.of(ServerSnapshot.class).log(Level.WARNING, e, () -> "could not write " + target);
        return new UserFacingException("fleet.collect.writeFailed", IoProblem.argsFor(target, e), e);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover .tmp file is named as ours; the write's own outcome is what the user is told
            }
        }
    }

    /**
     * Reads a collect file. Every way it can fail is a message naming the file and the way out: not found, not
     * readable, too large, not JSON, another kind of file, or written by a newer TLS Doctor.
     */
    public static ServerSnapshot read(Path file) throws UserFacingException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("fleet.file.notFound", List.of(file.toString()), e);
        } catch (AccessDeniedException e) {
            throw new UserFacingException("fleet.file.denied", List.of(file.toString()), e);
        } catch (IOException e) {
            throw new UserFacingException("fleet.file.unreadable", IoProblem.argsForFile(file, e), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new UserFacingException(
                    "fleet.file.tooLarge", List.of(file.toString(), MAX_BYTES / (1024 * 1024)), null);
        }
        return parse(file.toString(), bytes);
    }

    static ServerSnapshot parse(String name, byte[] bytes) throws UserFacingException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UserFacingException(
                    "fleet.file.corrupt", ContentProblem.of(e, bytes, name).argsFor(name), e);
        }
        if (ContentProblem.isBlank(bytes)) {
            throw new UserFacingException(
                    "fleet.file.corrupt", ContentProblem.of(null, bytes, name).argsFor(name), null);
        }
        String schema =
                tree == null || !tree.isObject() ? null : tree.path("schema").asText(null);
        if (schema == null || !schema.startsWith(FAMILY)) {
            throw new UserFacingException("fleet.file.notSnapshot", List.of(name), null);
        }
        Matcher version = Pattern.compile("(\\d{1,9})").matcher(schema.substring(FAMILY.length()));
        if (!version.matches() || Integer.parseInt(version.group(1)) > VERSION) {
            throw new UserFacingException("fleet.file.newer", List.of(name, schema, SCHEMA), null);
        }
        try {
            return Json.mapper().treeToValue(tree, ServerSnapshot.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new UserFacingException(
                    "fleet.file.corrupt",
                    ContentProblem.of(located(bytes, e), bytes, name).argsFor(name),
                    e);
        }
    }

    /** The failure with its line and column, which Jackson knows only when it reads the file's bytes, not the tree. */
    private static Exception located(byte[] bytes, Exception fromTree) {
        try {
            Json.mapper().readValue(bytes, ServerSnapshot.class);
            return fromTree;
        } catch (IOException | RuntimeException fromBytes) {
            return fromBytes;
        }
    }
}
