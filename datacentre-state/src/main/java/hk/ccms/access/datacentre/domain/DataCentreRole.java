package hk.ccms.access.datacentre.domain;

/**
 * The part a data centre is built to play. The role never changes at run time; which DC is
 * <em>active</em> does, and lives in {@link DataCentreState}.
 */
public enum DataCentreRole {
    PRIMARY,
    SECONDARY
}
