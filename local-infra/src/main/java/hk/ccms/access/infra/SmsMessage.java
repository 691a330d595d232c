package hk.ccms.access.infra;

import java.time.Instant;

/**
 * A short message as the SMSC received it: {@code to} in E.164 ({@code +} and digits) when it was
 * sent as an international number, {@code text} decoded with the data coding it was sent with.
 */
public record SmsMessage(String from, String to, String text, String dataCoding, String messageId, Instant receivedAt) {
}
