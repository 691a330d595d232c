package hk.ccms.access.otp.domain;

/**
 * Why a code was asked for, in the words the person reads in the message, and whether it belongs
 * to the first-time two-factor set-up (which has its own code lifetime, {@code ccms.otp.setup-ttl}).
 */
public enum Purpose {
    LOGIN("log in to CCMS", "登入 CCMS", false),
    ACTIVATION("set up two-factor authentication for CCMS", "設定 CCMS 雙重身份驗證", true),
    MOBILE_PROOF("confirm your mobile number for CCMS", "確認你於 CCMS 登記的手機號碼", true);

    private final String english;
    private final String chinese;
    private final boolean setUp;

    Purpose(String english, String chinese, boolean setUp) {
        this.english = english;
        this.chinese = chinese;
        this.setUp = setUp;
    }

    public boolean setUp() {
        return setUp;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }
}
