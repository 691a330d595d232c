package hk.ccms.access.infra;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Locale;

/** A real SMTP server (GreenMail) that accepts every recipient and keeps what it receives. */
public final class SmtpServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;
    /** What earlier runs of the server received: a stop and start (an outage test) must not lose the inbox. */
    private final List<MailMessage> receivedBeforeRestart = new ArrayList<>();

    private SmtpServer(int port) {
        this.port = port;
    }

    public static SmtpServer start(int port) {
        SmtpServer server = new SmtpServer(FreePorts.resolve(port));
        server.start();
        return server;
    }

    public synchronized void start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    /** Stops accepting connections (to test how the system behaves with SMTP down); {@link #start()} resumes. */
    public synchronized void stop() {
        if (greenMail != null) {
            receivedBeforeRestart.addAll(received(null));
            greenMail.stop();
            greenMail = null;
        }
    }

    public int port() {
        return port;
    }

    /**
     * Messages received so far, oldest first; with a recipient, only that mailbox is read (so
     * that polling one inbox stays cheap when thousands of messages arrived, as under load).
     */
    public synchronized List<MailMessage> messages(String recipient) {
        List<MailMessage> messages = new ArrayList<>();
        for (MailMessage earlier : receivedBeforeRestart) {
            if (recipient == null || earlier.to().contains(recipient.toLowerCase(Locale.ROOT))) {
                messages.add(earlier);
            }
        }
        messages.addAll(received(recipient));
        return messages;
    }

    private List<MailMessage> received(String recipient) {
        if (greenMail == null) {
            return List.of();
        }
        if (recipient == null) {
            return Arrays.stream(greenMail.getReceivedMessages()).map(SmtpServer::toMailMessage).toList();
        }
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(recipient.toLowerCase(Locale.ROOT));
        if (user == null) {
            return List.of();
        }
        // GreenMail hands out its live message list, which its SMTP threads append to while it is
        // read: a read that collides with a delivery is simply read again (a mailbox only grows).
        while (true) {
            try {
                return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                        .map(StoredMessage::getMimeMessage)
                        .map(SmtpServer::toMailMessage)
                        .toList();
            } catch (ConcurrentModificationException deliveredMeanwhile) {
                Thread.onSpinWait();
            } catch (FolderException e) {
                throw new IllegalStateException("Unreadable mailbox", e);
            }
        }
    }

    public synchronized void purge() {
        receivedBeforeRestart.clear();
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException("Could not purge mailboxes", e);
            }
        }
    }

    private static MailMessage toMailMessage(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getAllRecipients())
                    .map(Address::toString)
                    .map(address -> address.toLowerCase(Locale.ROOT))
                    .toList();
            Instant received = message.getSentDate() == null ? Instant.now() : message.getSentDate().toInstant();
            return new MailMessage(message.getFrom()[0].toString(), to, message.getSubject(), plainText(message), received);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message", e);
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String fallback = "";
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = plainText(body);
                if (body.isMimeType("text/plain") || body.isMimeType("multipart/*")) {
                    if (!text.isEmpty()) {
                        return text;
                    }
                } else if (fallback.isEmpty()) {
                    fallback = text;
                }
            }
            return fallback;
        }
        if (part.isMimeType("text/html")) {
            return part.getContent().toString().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        }
        return "";
    }

    @Override
    public void close() {
        stop();
    }
}
