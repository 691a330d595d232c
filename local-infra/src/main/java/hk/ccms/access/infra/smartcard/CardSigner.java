package hk.ccms.access.infra.smartcard;

import hk.ccms.access.infra.pki.Card;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the person's side of a smartcard login needs from a card: the chain it presents and a signature by its key.
 * The key is a software key (a demo key file) or a handle to a key on a PKCS#11 token, used through that token's
 * {@code provider}.
 *
 * @param provider the token's provider; null for software keys (the default providers)
 */
public record CardSigner(PrivateKey key, List<X509Certificate> chain, SignatureAlgorithm algorithm, Provider provider) {

    public CardSigner {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A card presents at least its own certificate");
        }
        if (!algorithm.keyAlgorithm().equals(chain.get(0).getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException(algorithm + " needs an " + algorithm.keyAlgorithm() + " card, not "
                    + chain.get(0).getPublicKey().getAlgorithm());
        }
    }

    /** A card with its key in software, signing with its default algorithm. */
    public static CardSigner of(Card card) {
        return of(card, SignatureAlgorithm.defaultFor(card.certificate().getPublicKey().getAlgorithm()));
    }

    public static CardSigner of(Card card, SignatureAlgorithm algorithm) {
        if (card.privateKey() == null) {
            throw new IllegalArgumentException(card.userId() + "'s key is on a token: use SoftHsmToken.signer");
        }
        return new CardSigner(card.privateKey(), card.chain(), algorithm, null);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public CardSigner with(SignatureAlgorithm other) {
        return new CardSigner(key, chain, other, provider);
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = algorithm.newSignature(provider);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The card cannot make a " + algorithm + " signature", e);
        }
    }
}
