package io.trackline.api.application.issues;

/** What a customer can report about a shipment. */
public enum IssueType {
    NOT_RECEIVED, LOST, DAMAGED, DELAYED, WRONG_ADDRESS, OTHER
}
