package hk.ccms.access.datacentre.service;

/** A clearing-house operator whose token and live session were checked for this request. */
public record Operator(String userId) {
}
