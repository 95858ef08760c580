package io.tlsdoctor.core.probe;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server chain that any one of its trust stores trusts, as the machine itself would: on Windows the JDK's
 * {@code cacerts} and what Windows trusts (a company CA rolled out by Group Policy is in Windows' store only). When
 * none does, the first store's reason is the one reported.
 */
public final class CompositeTrustManager implements X509TrustManager {

    private final List<X509TrustManager> stores;

    public CompositeTrustManager(List<X509TrustManager> stores) {
        this.stores = stores.stream().filter(Objects::nonNull).toList();
        if (this.stores.isEmpty()) {
            throw new IllegalArgumentException("no trust store");
        }
    }

    /** The X.509 trust manager over {@code store} ({@code null}: the JDK's cacerts), if the store can be read. */
    public static Optional<X509TrustManager> of(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast)
                    .findFirst();
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        CertificateException first = null;
        for (X509TrustManager store : stores) {
            try {
                store.checkServerTrusted(chain, authType);
                return;
            } catch (CertificateException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("probe sockets are clients only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> all = new ArrayList<>();
        stores.forEach(store -> all.addAll(Arrays.asList(store.getAcceptedIssuers())));
        return all.toArray(new X509Certificate[0]);
    }
}
