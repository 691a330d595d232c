package hk.ccms.access.otp.client;

import hk.ccms.access.otp.domain.Channel;
import hk.ccms.access.otp.domain.CodeMessage;
import hk.ccms.access.otp.domain.EmailAddress;
import hk.ccms.access.otp.domain.Language;
import hk.ccms.access.otp.domain.Purpose;
import hk.ccms.access.otp.service.CodeDelivery;
import hk.ccms.access.otp.service.DeliveryFailedException;
import hk.ccms.access.otp.service.InvalidInput;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Sends codes by e-mail through the configured SMTP server, one bilingual message (English and
 * Traditional Chinese) like the clearing house's circulars. Waits (bounded by the send timeout,
 * see {@link MailSender}) for the server to accept the message so that a refusal reaches the
 * caller as {@code delivery-unavailable}.
 */
@ApplicationScoped
public class EmailCodeDelivery implements CodeDelivery {

    static final String SUBJECT = "CCMS one-time password 一次性密碼";
    private static final DateTimeFormatter HONG_KONG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Hong_Kong"));

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance otpCode(CodeMail mail);
    }

    /** What the template shows; {@code expiresAt} is already Hong Kong local time. */
    public record CodeMail(String code, Purpose purpose, String expiresAt, boolean chineseFirst) {
    }

    private final MailSender mailSender;

    public EmailCodeDelivery(MailSender mailSender) {
        this.mailSender = mailSender;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(CodeMessage message) throws DeliveryFailedException {
        CodeMail mail = new CodeMail(message.code(), message.purpose(), HONG_KONG_TIME.format(message.expiresAt()),
                message.language() == Language.ZH_HK);
        mailSender.send(Templates.otpCode(mail), message.destination(), SUBJECT);
    }

    @Override
    public EmailAddress parse(String destination) {
        return EmailAddress.parse(destination).orElseThrow(() -> InvalidInput.field("destination", EmailAddress.RULE));
    }
}
