package hk.ccms.access.otp.domain;

/**
 * An account change auth-service tells a person about, what {@code changedTo} carries for it, and
 * the sentence the message says it in ({@code %s} stands for the new value as a person may see it:
 * masked, or a channel's name).
 */
public enum NotificationKind {
    PASSWORD_CHANGED(ChangedTo.NOTHING,
            "The password of your CCMS account was changed.",
            "你的 CCMS 帳戶密碼已被更改。"),
    /** Sent to the new address, which is now the registered one. */
    EMAIL_CHANGED_NEW_ADDRESS(ChangedTo.NOTHING,
            "This address is now the registered e-mail address of your CCMS account.",
            "此電郵地址現為你的 CCMS 帳戶的登記電郵地址。"),
    /** Sent to the previous address, the one a person who lost control of the account still reads. */
    EMAIL_CHANGED_OLD_ADDRESS(ChangedTo.EMAIL_ADDRESS,
            "The registered e-mail address of your CCMS account was changed to %s.",
            "你的 CCMS 帳戶的登記電郵地址已更改為 %s。"),
    MOBILE_CHANGED(ChangedTo.MOBILE_NUMBER,
            "The registered mobile number of your CCMS account was changed to %s.",
            "你的 CCMS 帳戶的登記手機號碼已更改為 %s。"),
    OTP_CHANNEL_CHANGED(ChangedTo.CHANNEL,
            "One-time passwords for your CCMS account are now sent by %s.",
            "你的 CCMS 帳戶的一次性密碼現改為以%s發送。"),
    TWO_FACTOR_SET_UP(ChangedTo.CHANNEL,
            "Two-factor authentication was set up for your CCMS account; one-time passwords are sent by %s.",
            "你的 CCMS 帳戶已設定雙重身份驗證，一次性密碼會以%s發送。"),
    TWO_FACTOR_RESET(ChangedTo.NOTHING,
            "An administrator reset the two-factor authentication of your CCMS account. Set it up again when you next log in.",
            "管理員已重設你的 CCMS 帳戶的雙重身份驗證。請於下次登入時重新設定。");

    /** What {@code changedTo} holds for a kind; {@code NOTHING} means it must be absent. */
    public enum ChangedTo { NOTHING, EMAIL_ADDRESS, MOBILE_NUMBER, CHANNEL }

    private final ChangedTo changedTo;
    private final String english;
    private final String chinese;

    NotificationKind(ChangedTo changedTo, String english, String chinese) {
        this.changedTo = changedTo;
        this.english = english;
        this.chinese = chinese;
    }

    public ChangedTo changedTo() {
        return changedTo;
    }

    String english() {
        return english;
    }

    String chinese() {
        return chinese;
    }
}
