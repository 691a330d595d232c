package hk.ccms.access.infra.pki;

import java.nio.file.Path;

/**
 * Where {@link TestPki#write} put a PKI, in the shapes a server takes it.
 *
 * @param trustAnchors     PEM: the root CA only (what a validator trusts)
 * @param cardCa           PEM: the card CA (the intermediate every card chain carries)
 * @param crl              PEM: the card CA's CRL and the root's CRL, concatenated
 * @param serverKeyStore   PKCS#12: the TLS server key and chain for {@code localhost}/127.0.0.1
 * @param clientTrustStore PKCS#12: root and card CA, for a TLS server that asks for client certificates
 * @param cards            directory of {@code <USERID>.pem} chains and {@code <USERID>.key.pem} keys
 * @param storePassword    password of both PKCS#12 files
 */
public record PkiFiles(Path directory, Path trustAnchors, Path cardCa, Path crl, Path serverKeyStore,
                       Path clientTrustStore, Path cards, String storePassword) {

    /** The standard layout under {@code directory}. */
    public static PkiFiles in(Path directory, String storePassword) {
        return new PkiFiles(directory, directory.resolve("trust-anchors.pem"), directory.resolve("card-ca.pem"),
                directory.resolve("crl.pem"), directory.resolve("server-keystore.p12"),
                directory.resolve("client-truststore.p12"), directory.resolve("cards"), storePassword);
    }

    public Path chainOf(String userId) {
        return Card.chainFile(cards, userId);
    }

    public Path keyOf(String userId) {
        return Card.keyFile(cards, userId);
    }
}
