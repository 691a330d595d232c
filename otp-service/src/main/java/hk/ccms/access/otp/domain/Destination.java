package hk.ccms.access.otp.domain;

/** Where a code goes, validated: {@link #toString()} is the stored form, {@link #masked()} what a person may see. */
public interface Destination {

    String masked();
}
