package hk.ccms.access.otp.domain;

/** Where a code is sent, and its name in the words a person reads in a message. */
public enum Channel {
    EMAIL("e-mail", "電郵"),
    /** Over SMPP to the SMSC; refused with {@code channel-not-available} where SMS is switched off. */
    SMS("SMS", "短訊");

    private final String english;
    private final String chinese;

    Channel(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }
}
