package hk.ccms.access.datacentre.domain;

/**
 * How the active data centre came to hold the current epoch (see DESIGN §4). An open session is
 * recorded beside the mode, not as one: closing it returns to whatever mode was in force.
 */
public enum DataCentreMode {
    /** Production after a planned switch (or the first start); changes replicate to the standby. */
    NORMAL,
    /** Production at the DC that took over without its peer; changes replicate back on fail-back. */
    FAILED_OVER
}
