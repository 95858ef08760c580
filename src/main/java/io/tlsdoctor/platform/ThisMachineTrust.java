package io.tlsdoctor.platform;

import io.tlsdoctor.core.probe.CompositeTrustManager;
import io.tlsdoctor.platform.windows.Elevation;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.X509TrustManager;

/**
 * What this machine trusts for a server certificate: the JDK's cacerts, and on Windows also the Windows root store
 * ({@code Windows-ROOT} through jdk.crypto.mscapi, which includes the machine's and Group Policy's roots), so an
 * Exchange certificate from the company's own CA is not called untrusted when SChannel trusts it.
 */
public final class ThisMachineTrust {

    private ThisMachineTrust() {}

    /** Read when first asked (about 0.1 s for cacerts), on the probe's thread. */
    public static Supplier<X509TrustManager> judges() {
        return () -> combine(CompositeTrustManager.of(null).orElse(null), Elevation.isWindows() ? windowsRoot() : null);
    }

    /** The stores that could be read, combined; null when there is none at all. */
    static X509TrustManager combine(X509TrustManager jdk, X509TrustManager windows) {
        List<X509TrustManager> stores = new ArrayList<>();
        if (jdk != null) {
            stores.add(jdk);
        }
        if (windows != null) {
            stores.add(windows);
        }
        return stores.isEmpty() ? null : stores.size() == 1 ? stores.get(0) : new CompositeTrustManager(stores);
    }

    private static X509TrustManager windowsRoot() {
        try {
            KeyStore store = KeyStore.getInstance("Windows-ROOT");
            store.load(null, null);
            return CompositeTrustManager.of(store).orElse(null);
        } catch (GeneralSecurityException | IOException e) {
            return null; // no jdk.crypto.mscapi in this runtime: cacerts alone, as before
        }
    }
}
