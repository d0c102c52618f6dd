package io.trackline.api.application.issues;

/** Tells support about a newly opened case. */
public interface SupportDesk {
    void caseOpened(ProblemCase problemCase);
}
