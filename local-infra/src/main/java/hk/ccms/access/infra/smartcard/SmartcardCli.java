package hk.ccms.access.infra.smartcard;

import hk.ccms.access.infra.pki.Card;
import hk.ccms.access.infra.pki.Pem;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A smartcard login by hand against a running auth-service, with a demo card from a key file or from a SoftHSM
 * token: {@code java -cp 'local-infra/target/local-infra-*.jar:local-infra/target/lib/*'
 * hk.ccms.access.infra.smartcard.SmartcardCli --help}.
 */
public final class SmartcardCli {

    public static final String DEFAULT_PIN = "123456";
    static final String DEMO_TOKEN_LABEL = "ccms-demo";

    static final String USAGE = """
            Usage: SmartcardCli --user ID --password PASSWORD CARD [options]
                   SmartcardCli --import --pkcs11 DIR --alias ALIAS --key FILE --chain FILE [--pin PIN]

            Logs in to auth-service with a smartcard: fetches a challenge, has the card sign it, sends it with the
            password and prints the token response. Exit status 0: logged in; 1: refused; 2: bad usage.

            CARD is one of
              --key FILE --chain FILE     a card whose key is in a PEM file; the local run's demo cards are
                                          .local-run/PDC/pki/cards/<USERID>.key.pem and <USERID>.pem
              --pkcs11 DIR --alias ALIAS  a card on the SoftHSM token in DIR (--pin PIN, default %1$s)

            Options
              --url URL             auth-service (default http://127.0.0.1:8081)
              --function FUNCTION   ONLINE_FUNCTIONS (default), OVERNIGHT_REPORT_DOWNLOAD, SECURITY_MANAGEMENT, ...
              --algorithm ALG       RS256 (default for RSA cards), PS256 (RSA-PSS), ES256 (EC cards)
              --mtls --trust FILE   present the card as the TLS client certificate to POST %2$s instead;
                                    the URL must be https and FILE holds the CA of the server's certificate (PEM)

            --import puts a card from key and chain files on the SoftHSM token in DIR (made if missing, label
            %3$s), where the key becomes non-extractable; log in with --pkcs11 DIR --alias ALIAS afterwards.
            """.formatted(DEFAULT_PIN, SmartcardClient.MTLS_LOGIN_PATH, DEMO_TOKEN_LABEL);

    private static final Set<String> FLAGS = Set.of("--mtls", "--import", "--help");
    private static final Set<String> OPTIONS = Set.of("--url", "--user", "--password", "--function", "--key", "--chain",
            "--pkcs11", "--alias", "--pin", "--algorithm", "--trust");

    private SmartcardCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (arguments.has("--help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            return arguments.has("--import") ? importCard(arguments, out) : login(arguments, out, err);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (SmartcardClient.LoginRefusedException e) {
            err.println("Refused: HTTP " + e.status() + " " + e.body());
            return 1;
        }
    }

    private static int login(Arguments arguments, PrintStream out, PrintStream err) {
        String url = arguments.value("--url", "http://127.0.0.1:8081");
        String userId = arguments.required("--user");
        String password = arguments.required("--password");
        String function = arguments.value("--function", "ONLINE_FUNCTIONS");
        try (CardSource card = CardSource.of(arguments)) {
            HttpResponse<String> response;
            if (arguments.has("--mtls")) {
                X509Certificate[] trust = Pem.readCertificates(Path.of(arguments.required("--trust"))).toArray(X509Certificate[]::new);
                response = new SmartcardClient(url, card.httpClient(trust)).loginMtls(userId, password, function);
            } else {
                response = new SmartcardClient(url).login(userId, password, function, card.signer());
            }
            if (response.statusCode() != 200) {
                err.println("Refused: HTTP " + response.statusCode() + " " + response.body());
                return 1;
            }
            out.println(response.body());
            return 0;
        }
    }

    private static int importCard(Arguments arguments, PrintStream out) {
        Path directory = Path.of(arguments.required("--pkcs11"));
        String alias = arguments.required("--alias");
        String pin = arguments.value("--pin", DEFAULT_PIN);
        Card card = Card.read(alias, Path.of(arguments.required("--chain")), Path.of(arguments.required("--key")));
        try (SoftHsmToken token = Files.exists(directory.resolve("softhsm2.conf"))
                ? SoftHsmToken.open(directory, pin)
                : SoftHsmToken.create(directory, DEMO_TOKEN_LABEL, pin)) {
            token.storeCertificate(alias, card.privateKey(), card.chainArray());
            out.println(alias + " is on token " + token.label() + " in " + token.directory() + "; it holds " + token.aliases());
        }
        return 0;
    }

    /** The card the person chose: key and chain files, or a card on a token (closed afterwards). */
    private interface CardSource extends AutoCloseable {

        CardSigner signer();

        HttpClient httpClient(X509Certificate[] trust);

        @Override
        void close();

        static CardSource of(Arguments arguments) {
            String algorithm = arguments.value("--algorithm", null);
            if (arguments.has("--pkcs11")) {
                SoftHsmToken token = SoftHsmToken.open(Path.of(arguments.required("--pkcs11")), arguments.value("--pin", DEFAULT_PIN));
                String alias = arguments.required("--alias");
                return new CardSource() {
                    @Override
                    public CardSigner signer() {
                        return algorithm == null ? token.signer(alias) : token.signer(alias, SignatureAlgorithm.valueOf(algorithm));
                    }

                    @Override
                    public HttpClient httpClient(X509Certificate[] trust) {
                        return CardTls.httpClient(token, alias, trust);
                    }

                    @Override
                    public void close() {
                        token.close();
                    }
                };
            }
            Card card = Card.read(arguments.required("--user"), Path.of(arguments.required("--chain")), Path.of(arguments.required("--key")));
            return new CardSource() {
                @Override
                public CardSigner signer() {
                    return algorithm == null ? CardSigner.of(card) : CardSigner.of(card, SignatureAlgorithm.valueOf(algorithm));
                }

                @Override
                public HttpClient httpClient(X509Certificate[] trust) {
                    return CardTls.httpClient(card, trust);
                }

                @Override
                public void close() {
                    // nothing held
                }
            };
        }
    }

    private record Arguments(Map<String, String> values, Set<String> flags) {

        static Arguments parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            Set<String> flags = new HashSet<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (FLAGS.contains(name)) {
                    flags.add(name);
                } else if (OPTIONS.contains(name) && i + 1 < args.length) {
                    values.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException(OPTIONS.contains(name) ? name + " needs a value" : "Unknown option " + name);
                }
            }
            return new Arguments(values, flags);
        }

        boolean has(String name) {
            return flags.contains(name) || values.containsKey(name);
        }

        String value(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        String required(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("Missing " + name);
            }
            return value;
        }
    }
}
