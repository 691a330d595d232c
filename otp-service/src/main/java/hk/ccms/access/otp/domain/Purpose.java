package hk.ccms.access.otp.domain;

/** Why a code was asked for, in the words the person reads in the message. */
public enum Purpose {
    LOGIN("log in to CCMS", "登入 CCMS"),
    ACTIVATION("set up two-factor authentication for CCMS", "設定 CCMS 雙重身份驗證"),
    MOBILE_PROOF("confirm your mobile number for CCMS", "確認你於 CCMS 登記的手機號碼");

    private final String english;
    private final String chinese;

    Purpose(String english, String chinese) {
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
