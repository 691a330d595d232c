package hk.ccms.access.infra;

import java.time.Instant;
import java.util.List;

/** A message as the SMTP server received it. */
public record MailMessage(String from, List<String> to, String subject, String text, Instant receivedAt) {
}
