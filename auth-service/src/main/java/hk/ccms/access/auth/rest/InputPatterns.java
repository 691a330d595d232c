package hk.ccms.access.auth.rest;

/** The accepted shapes of input, checked at the edge before anything is looked up or stored. */
final class InputPatterns {

    static final String USER_ID = "[A-Za-z0-9._-]{1,64}";
    static final String USER_ID_MESSAGE = "letters, digits, '.', '_' or '-', at most 64";

    static final String PARTICIPANT_ID = "[A-Z0-9]{1,16}";

    static final String TRANSACTION_ID = "[A-Za-z0-9_-]{16,128}";
    static final String TRANSACTION_ID_MESSAGE = "16 to 128 of A-Z, a-z, 0-9, '_' and '-'";

    static final String CODE = "[0-9]{6,10}";
    static final String CODE_MESSAGE = "6 to 10 digits";

    /**
     * A plain {@code local@domain} address (local part at most 64): no quoted local parts, IP
     * literals, whitespace or control characters — the rule otp-service applies before it sends.
     */
    static final String EMAIL = "(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    static final String EMAIL_MESSAGE = "a plain e-mail address local@domain";
    static final int EMAIL_MAX = 254;

    /** E.164: '+', then 8 to 15 digits, the first not 0; no spaces or dashes. */
    static final String E164 = "\\+[1-9][0-9]{7,14}";
    static final String E164_MESSAGE = "a mobile number in E.164 form, e.g. +85291234567";

    private InputPatterns() {
    }
}
