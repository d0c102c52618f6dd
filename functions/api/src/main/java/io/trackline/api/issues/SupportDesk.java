package io.trackline.api.issues;

/** Tells support about a newly opened case. */
public interface SupportDesk {
    void caseOpened(ProblemCase problemCase);
}
