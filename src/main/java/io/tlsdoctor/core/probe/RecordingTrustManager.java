package io.tlsdoctor.core.probe;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Lets every handshake finish (the probe measures protocols, it does not protect data) while recording the chain and
 * what the platform's trust store thinks of it, so an untrusted certificate becomes a finding instead of a failed
 * handshake. Used only on probe sockets.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager judge;
    private volatile X509Certificate[] chain;
    private volatile String trustProblem;

    RecordingTrustManager(X509TrustManager judge) {
        this.judge = judge;
    }

    /** The JDK's default trust store (cacerts), or none when even that cannot be loaded. */
    static X509TrustManager platformDefault() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (javax.net.ssl.TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
        } catch (GeneralSecurityException e) {
            return null;
        }
        return null;
    }

    X509Certificate[] chain() {
        return chain;
    }

    String trustProblem() {
        return trustProblem;
    }

    private void record(X509Certificate[] presented, String authType) {
        chain = presented.clone();
        if (judge == null) {
            trustProblem = "no trust store";
            return;
        }
        try {
            judge.checkServerTrusted(presented, authType);
            trustProblem = null;
        } catch (CertificateException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            trustProblem = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
        record(presented, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
        record(presented, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType) {
        record(presented, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("probe sockets are clients only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("probe sockets are clients only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
        throw new CertificateException("probe sockets are clients only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
