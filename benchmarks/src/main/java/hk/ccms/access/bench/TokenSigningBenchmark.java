package hk.ccms.access.bench;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;

/**
 * Signing and verifying an access token with the candidate algorithms, through jose4j (the
 * library under smallrye-jwt-build and under the service's verifier). A login signs once; every
 * authenticated request verifies once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class TokenSigningBenchmark {

    private static final String CLAIMS = "{\"iss\":\"urn:ccms:auth:PDC\",\"aud\":\"ccms\",\"sub\":\"ALICE01\","
            + "\"iat\":1780000000,\"exp\":1780000900,\"jti\":\"5b0c7a0e-2f7e-4d8e-9a53-6a3c2f1f1d11\","
            + "\"amr\":[\"pwd\",\"otp\"],\"role\":\"USER\",\"function\":\"ONLINE_FUNCTIONS\",\"participant\":\"CP0001\","
            + "\"sid\":\"q3Zr8m0Yx1oKpB7tVvN2Hc9aLwE4sUdf\",\"dc\":\"PDC\"}";

    @Param({"ES256", "RS256", "PS256", "EdDSA"})
    public String algorithm;

    private KeyPair keys;
    private String signed;

    @Setup
    public void setUp() throws GeneralSecurityException, JoseException {
        if (algorithm.equals("EdDSA")) {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } else if (algorithm.startsWith("ES")) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        }
        signed = sign();
    }

    @Benchmark
    public String sign() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(CLAIMS);
        jws.setAlgorithmHeaderValue(switch (algorithm) {
            case "ES256" -> AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
            case "RS256" -> AlgorithmIdentifiers.RSA_USING_SHA256;
            case "PS256" -> AlgorithmIdentifiers.RSA_PSS_USING_SHA256;
            default -> AlgorithmIdentifiers.EDDSA;
        });
        jws.setKey(keys.getPrivate());
        return jws.getCompactSerialization();
    }

    @Benchmark
    public boolean verify() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(signed);
        jws.setKey(keys.getPublic());
        return jws.verifySignature();
    }
}
