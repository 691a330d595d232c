package hk.ccms.access.otp.rest;

/**
 * The shapes of identifiers that end up in Redis keys and logs; anything else (separators,
 * whitespace, control characters) is refused at the door.
 */
final class Patterns {

    /** Transaction and notification ids. */
    static final String ID = "[A-Za-z0-9_-]{16,128}";
    static final String ID_MESSAGE = "must be 16 to 128 characters of A-Z, a-z, 0-9, _ and -";
    static final String SUBJECT = "[A-Za-z0-9._-]{1,64}";
    static final String SUBJECT_MESSAGE = "must be 1 to 64 characters of A-Z, a-z, 0-9, ., _ and -";

    private Patterns() {
    }
}
