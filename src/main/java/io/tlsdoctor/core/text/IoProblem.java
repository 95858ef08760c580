package io.tlsdoctor.core.text;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.List;
import java.util.Locale;

/**
 * What went wrong with a file, folder or key, in the terms a helpdesk user can act on (access denied, not there, in
 * use, disk full), instead of the exception's own text ("java.nio.file.AccessDeniedException: C:\..."), which only
 * the log gets.
 *
 * <p>A message that explains a failure takes {@link #args()}: the path the failure names, and the kind's
 * {@link Kind#code() code} for a choice format ({@code {2,choice,0#...|1#access to {1} was denied...}}). A number and
 * not a nested message key, because these arguments travel as JSON from the elevated helper to the wizard, which words
 * them in the user's language.
 *
 * @param path the file, folder or key the failure names; else the one the caller was working on
 */
public record IoProblem(Kind kind, String path) {

    /** The kinds a user can do something about; the order is the code the messages' choice formats use. */
    public enum Kind {
        /** Nothing a user can act on: the messages point to the log. */
        OTHER,
        ACCESS_DENIED,
        NOT_FOUND,
        IN_USE,
        DISK_FULL,
        READ_ONLY,
        /** A file stands where a folder belongs. */
        NOT_A_FOLDER,
        /** A folder stands where a file belongs (Windows calls it "access denied"). */
        NOT_A_FILE;

        public int code() {
            return ordinal();
        }
    }

    /**
     * @param failure what was thrown (an {@link UncheckedIOException} or other wrapper is looked through)
     * @param where   what the caller was working on, for failures that name no file
     */
    public static IoProblem of(Throwable failure, Object where) {
        String fallback = String.valueOf(where);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReadOnlyFileSystemException) {
                return new IoProblem(Kind.READ_ONLY, fallback);
            }
            if (t instanceof IOException io) {
                String path = io instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : fallback;
                Kind kind = kind(io, path);
                return new IoProblem(kind, culprit(kind, path));
            }
        }
        return new IoProblem(Kind.OTHER, fallback);
    }

    /**
     * As {@link #of}, for a failure to open {@code file} as a file: Windows refuses a folder opened as a file with
     * "access denied", which would send the user for permissions they already have. (Not for folders in general: a
     * folder that may not be listed is denied access just the same.)
     */
    public static IoProblem ofFile(Throwable failure, Object file) {
        IoProblem problem = of(failure, file);
        return problem.kind() == Kind.ACCESS_DENIED && isFolder(problem.path())
                ? new IoProblem(Kind.NOT_A_FILE, problem.path())
                : problem;
    }

    /** As {@link #argsFor}, for a failure to open {@code file} as a file (see {@link #ofFile}). */
    public static List<Object> argsForFile(Object file, Throwable failure) {
        IoProblem problem = ofFile(failure, file);
        return List.of(String.valueOf(file), problem.path(), problem.kind().code());
    }

    /**
     * The arguments of a message that explains a failure: {@code {0}} what was being worked on, {@code {1}} the path
     * the failure names (else {@code {0}} again), {@code {2}} the kind's code.
     */
    public static List<Object> argsFor(Object subject, Throwable failure) {
        IoProblem problem = of(failure, subject);
        return List.of(String.valueOf(subject), problem.path(), problem.kind().code());
    }

    /** The path and the code, as the messages that explain a failure take them (after their own arguments). */
    public List<Object> args() {
        return List.of(path, kind.code());
    }

    private static Kind kind(IOException failure, String path) {
        if (failure instanceof AccessDeniedException) {
            return Kind.ACCESS_DENIED;
        }
        if (failure instanceof NoSuchFileException) {
            return Kind.NOT_FOUND;
        }
        if (failure instanceof NotDirectoryException || failure instanceof FileAlreadyExistsException && isFile(path)) {
            return Kind.NOT_A_FOLDER;
        }
        // The operating system's reason, in English on Linux and on an English Windows: enough for the common ones.
        String reason = failure instanceof FileSystemException fs ? fs.getReason() : failure.getMessage();
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (text.contains("being used by another process")
                || text.contains("locked a portion")
                || text.contains("text file busy")
                || text.contains("resource busy")) {
            return Kind.IN_USE;
        }
        if (text.contains("no space left")
                || text.contains("not enough space")
                || text.contains("disk is full")
                || text.contains("quota exceeded")) {
            return Kind.DISK_FULL;
        }
        if (text.contains("read-only file system")
                || text.contains("write protected")
                || text.contains("write-protected")) {
            return Kind.READ_ONLY;
        }
        if (text.contains("is a directory")) {
            return Kind.NOT_A_FILE;
        }
        if (text.contains("access is denied")
                || text.contains("permission denied")
                || text.contains("operation not permitted")) {
            return Kind.ACCESS_DENIED;
        }
        if (failure instanceof FileNotFoundException
                || text.contains("cannot find the path")
                || text.contains("cannot find the file")
                || text.contains("no such file")) {
            return Kind.NOT_FOUND;
        }
        if (text.contains("not a directory") || text.contains("directory name is invalid")) {
            return Kind.NOT_A_FOLDER;
        }
        return Kind.OTHER;
    }

    /**
     * The path a user should look at: for "not a folder", the file that stands where a folder belongs (not the file
     * that was to be written in it); for "not found", the outermost folder that is missing.
     */
    private static String culprit(Kind kind, String path) {
        if (kind != Kind.NOT_A_FOLDER && kind != Kind.NOT_FOUND) {
            return path;
        }
        try {
            Path p = Path.of(path);
            if (kind == Kind.NOT_A_FOLDER) {
                for (Path at = p; at != null; at = at.getParent()) {
                    if (Files.isRegularFile(at)) {
                        return at.toString();
                    }
                }
                return path;
            }
            Path missing = p;
            while (missing.getParent() != null && !Files.exists(missing.getParent())) {
                missing = missing.getParent();
            }
            return missing.toString();
        } catch (InvalidPathException | SecurityException notAPathHere) {
            return path;
        }
    }

    private static boolean isFolder(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (InvalidPathException | SecurityException notAPathHere) {
            return false;
        }
    }

    private static boolean isFile(String path) {
        try {
            Path p = Path.of(path);
            return Files.exists(p) && !Files.isDirectory(p);
        } catch (InvalidPathException notAPathHere) {
            return false;
        }
    }
}
