package io.tlsdoctor.core.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SHA-256 of a plan file, so the elevated helper applies exactly the file the user reviewed. */
public final class PlanDigest {

    private PlanDigest() {}

    public static String of(Path file) throws IOException {
        return StateDigest.of(Files.readAllBytes(file));
    }
}
