package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AccountType;
import hk.ccms.access.auth.domain.CardCertificate;
import hk.ccms.access.auth.domain.Enrolment;
import hk.ccms.access.auth.domain.OtpChannel;
import hk.ccms.access.auth.service.smartcard.CardRegistry;
import hk.ccms.access.auth.service.replication.ReplicationScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Seeds the accounts the README documents, so that a person can log in to a fresh local run.
 * Off unless {@code ccms.auth.demo-accounts.enabled}; never enable it in production. Existing
 * accounts are left as they are, so restarts keep what people changed.
 */
@ApplicationScoped
public class DemoAccounts {

    public static final String DEFAULT_PASSWORD = "Harbour-View-2023";
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    private record Demo(String userId, AccountType type, String participant, String name, String email, Enrolment enrolment) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("ALICE01", AccountType.USER, "CP0001", "Alice Chan", "alice@cp0001.example", Enrolment.ENROLLED),
            new Demo("BRIAN01", AccountType.USER, "CP0001", "Brian Lau", "brian@cp0001.example", Enrolment.ENROLLED),
            new Demo("DAISY01", AccountType.DA, "CP0001", "Daisy Wong", "daisy@cp0001.example", Enrolment.ENROLLED),
            new Demo("DAVID01", AccountType.DA, "CP0001", "David Yip", "david@cp0001.example", Enrolment.ENROLLED),
            new Demo("FIONA01", AccountType.USER, "CP0001", "Fiona Lee", "fiona@cp0001.example", Enrolment.NOT_INITIATED),
            new Demo("GRACE01", AccountType.USER, "CP0001", "Grace Tam", null, Enrolment.NOT_INITIATED),
            // A smartcard user who has not set up 2FA yet: the circular's test day, person by person.
            new Demo("HENRY01", AccountType.USER, "CP0001", "Henry Kwok", "henry@cp0001.example", Enrolment.NOT_INITIATED),
            new Demo("CAROL02", AccountType.USER, "CP0002", "Carol Ho", "carol@cp0002.example", Enrolment.ENROLLED),
            new Demo("EDWIN02", AccountType.USER, "CP0002", "Edwin Ng", null, Enrolment.NOT_INITIATED),
            new Demo("DORIS02", AccountType.DA, "CP0002", "Doris Cheung", "doris@cp0002.example", Enrolment.ENROLLED),
            new Demo("OPS01", AccountType.OPERATOR, null, "Olivia Operator", "ops01@clearing.example", Enrolment.ENROLLED));

    private final AuthConfig.DemoAccounts config;
    private final Passwords passwords;
    private final CardRegistry cards;
    private final Clock clock;
    private final AtomicBoolean seeding = new AtomicBoolean();
    private volatile boolean seeded;

    public DemoAccounts(AuthConfig config, Passwords passwords, CardRegistry cards, Clock clock) {
        this.config = config.demoAccounts();
        this.passwords = passwords;
        this.cards = cards;
        this.clock = clock;
    }

    /**
     * Seeds once, when this data centre first accepts account writes: demo accounts are made at
     * the active data centre and reach the other one by replication, like any account. A seeding
     * that fails is tried again when the data centre next becomes writable.
     */
    void seed(@ObservesAsync ReplicationScopes.ScopeEntered entered) {
        if (!config.enabled() || !entered.scope().writable() || !seeding.compareAndSet(false, true)) {
            return;
        }
        try {
            String hash = passwords.hash(config.password().orElse(DEFAULT_PASSWORD));
            int created = createMissing(hash);
            config.cardsDir().ifPresent(this::registerDemoCards);
            seeded = true;
            LOG.infof("Demo accounts ready (%d created)", created);
        } catch (RuntimeException notNow) {
            // e.g. fenced again between the event and the insert: the next writable scope seeds.
            seeding.set(false);
            LOG.warnf("Demo accounts not seeded yet: %s", notNow.getMessage());
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Whether this process has made (or found) every demo account. */
    public boolean seeded() {
        return seeded;
    }

    /** {@code <USERID>.pem} files: the card chain of that demo account, registered unless it has a card already. */
    private void registerDemoCards(String directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(directory), "*.pem")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".key.pem")) {
                    continue;
                }
                String userId = name.substring(0, name.length() - ".pem".length());
                Optional<Account> account = Account.findByUserId(userId);
                if (account.isPresent() && CardCertificate.activeFor(account.get().id).isEmpty()) {
                    cards.register("demo-seed", userId, Files.readString(file), false);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Demo cards in %s could not be read: %s", directory, e.getMessage());
        }
    }

    @Transactional
    int createMissing(String hash) {
        int created = 0;
        Instant now = clock.instant();
        for (Demo demo : DEMOS) {
            created += createIfAbsent(demo, hash, now);
        }
        for (int i = 1; i <= config.loadUsers(); i++) {
            String userId = "LOAD%05d".formatted(i);
            created += createIfAbsent(new Demo(userId, AccountType.USER, "CP9%03d".formatted(i % 1000), "Load User " + i,
                    userId.toLowerCase() + "@load.example", Enrolment.ENROLLED), hash, now);
        }
        return created;
    }

    private static int createIfAbsent(Demo demo, String hash, Instant now) {
        if (Account.findByUserId(demo.userId()).isPresent()) {
            return 0;
        }
        Account account = new Account();
        account.userId = demo.userId();
        account.type = demo.type();
        account.participantId = demo.participant();
        account.displayName = demo.name();
        account.status = AccountStatus.ACTIVE;
        account.email = demo.email();
        account.passwordHash = hash;
        account.enrolment = demo.enrolment();
        account.otpChannel = demo.enrolment() == Enrolment.ENROLLED ? OtpChannel.EMAIL : null;
        account.createdAt = now;
        account.updatedAt = now;
        account.persist();
        return 1;
    }
}
