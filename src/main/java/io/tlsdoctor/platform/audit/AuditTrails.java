package io.tlsdoctor.platform.audit;

import io.tlsdoctor.core.fix.AuditTrail;
import io.tlsdoctor.core.fix.FixAudit;
import io.tlsdoctor.core.fix.FixRequester;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.DataFolders;
import io.tlsdoctor.platform.windows.Elevation;
import java.nio.file.Path;
import java.util.Map;

/** This system's audit trail: the Application event log on Windows, {@code audit.jsonl} in the data folder elsewhere. */
public final class AuditTrails {

    private AuditTrails() {}

    /** Set (the test build does) to keep the entries in this JSON-lines file instead, on any system. */
    public static final String FILE_PROPERTY = "tlsdoctor.audit.file";

    public static AuditTrail forThisSystem(Messages messages) {
        String file = System.getProperty(FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            return new JsonLinesAuditTrail(Path.of(file));
        }
        return Elevation.isWindows()
                ? new WindowsEventLogTrail(messages)
                : new JsonLinesAuditTrail(DataFolders.root().resolve(JsonLinesAuditTrail.FILE));
    }

    /** The audit for a change asked for by {@code requester}, recorded by this process's account. */
    public static FixAudit audit(AuditTrail trail, FixRequester requester) {
        return new FixAudit(trail, requester, currentUser(System.getenv(), System.getProperty("user.name", "")));
    }

    /** The user this process runs as: DOMAIN\\user on Windows, the account name elsewhere. */
    public static String currentUser() {
        return currentUser(System.getenv(), System.getProperty("user.name", ""));
    }

    static String currentUser(Map<String, String> env, String userProperty) {
        String user = env.get("USERNAME");
        String domain = env.get("USERDOMAIN");
        if (Elevation.isWindows() && user != null && !user.isBlank()) {
            return domain == null || domain.isBlank() ? user : domain + "\\" + user;
        }
        return userProperty;
    }
}
