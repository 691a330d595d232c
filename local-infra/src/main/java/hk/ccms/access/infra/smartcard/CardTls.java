package hk.ccms.access.infra.smartcard;

import hk.ccms.access.infra.pki.Card;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;

/**
 * TLS for the browser's way of presenting a smartcard: an {@link SSLContext} (and an {@link HttpClient} over it)
 * that offers one card as the client certificate and trusts the given CAs for the server.
 */
public final class CardTls {

    private static final String ALIAS = "card";
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private CardTls() {
    }

    /** An HTTP client presenting a card whose key is in software, trusting {@code serverTrust} (the test root). */
    public static HttpClient httpClient(Card card, X509Certificate... serverTrust) {
        return httpClient(sslContext(card, serverTrust));
    }

    /** An HTTP client presenting a card on a PKCS#11 token. */
    public static HttpClient httpClient(SoftHsmToken token, String alias, X509Certificate... serverTrust) {
        return httpClient(sslContext(token.keyStore(), null, alias, trustStore(serverTrust)));
    }

    public static HttpClient httpClient(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static SSLContext sslContext(Card card, X509Certificate... serverTrust) {
        if (card.privateKey() == null) {
            throw new IllegalArgumentException(card.userId() + "'s key is on a token: use the token's key store");
        }
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(ALIAS, card.privateKey(), IN_MEMORY, card.chainArray());
            return sslContext(keys, IN_MEMORY, ALIAS, trustStore(serverTrust));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An SSLContext that presents the entry {@code alias} of {@code keys} (a PKCS#12 file or a {@code PKCS11}
     * token key store; {@code password} may be null for a token that is logged in) and trusts {@code trust}.
     */
    public static SSLContext sslContext(KeyStore keys, char[] password, String alias, KeyStore trust) {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509");
            keyManagers.init(keys, password);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new OneCard((X509KeyManager) keyManagers.getKeyManagers()[0], alias)},
                    trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS with card " + alias, e);
        }
    }

    /** A trust store of the given certificates. */
    public static KeyStore trustStore(X509Certificate... certificates) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                store.setCertificateEntry("trusted-" + i, certificates[i]);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Always offers the one card, even when the server's list of acceptable CAs does not name its issuer: a test of
     * an untrusted card must reach the server's own refusal rather than silently send no certificate. The key type
     * still has to fit, or JSSE would try to sign with the wrong kind of key.
     */
    private static final class OneCard extends X509ExtendedKeyManager {

        private final X509KeyManager delegate;
        private final String alias;

        OneCard(X509KeyManager delegate, String alias) {
            this.delegate = delegate;
            this.alias = alias;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return fits(keyTypes) ? alias : null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return fits(keyTypes) ? alias : null;
        }

        private boolean fits(String[] keyTypes) {
            PrivateKey key = delegate.getPrivateKey(alias);
            return key != null && Arrays.asList(keyTypes).contains(key.getAlgorithm());
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public X509Certificate[] getCertificateChain(String requested) {
            return delegate.getCertificateChain(requested);
        }

        @Override
        public PrivateKey getPrivateKey(String requested) {
            return delegate.getPrivateKey(requested);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
