package hk.ccms.access.otp.client;

import hk.ccms.access.otp.domain.AccountChange;
import hk.ccms.access.otp.domain.AccountChangeMessage;
import hk.ccms.access.otp.domain.Language;
import hk.ccms.access.otp.service.DeliveryFailedException;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Sends account-change notifications by e-mail: one bilingual message like the code mail, saying
 * what changed and when (Hong Kong time), and whom to call if the person did not make the change.
 * It never carries a code, a password, the user id or a full address or number.
 */
@ApplicationScoped
public class AccountChangeMail {

    static final String SUBJECT = "CCMS account change 帳戶變更";
    // Minutes are enough to match the change with what the person did; HKT is written out in the template.
    private static final DateTimeFormatter HONG_KONG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Hong_Kong"));

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance accountChange(ChangeMail mail);
    }

    /** What the template shows; {@code occurredAt} is already Hong Kong local time. */
    public record ChangeMail(AccountChange change, String occurredAt, boolean chineseFirst) {
    }

    private final MailSender mailSender;

    public AccountChangeMail(MailSender mailSender) {
        this.mailSender = mailSender;
    }

    public void send(AccountChangeMessage message) throws DeliveryFailedException {
        ChangeMail mail = new ChangeMail(message.change(), HONG_KONG_TIME.format(message.occurredAt()),
                message.language() == Language.ZH_HK);
        mailSender.send(Templates.accountChange(mail), message.to(), SUBJECT);
    }
}
