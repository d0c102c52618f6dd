package io.trackline.webhook.application;

import io.trackline.domain.tracking.ScanReport;

import java.util.List;

/** Where accepted scan reports go to be applied. */
public interface ScanQueue {
    /**
     * Returns only once every report is durably queued.
     *
     * @throws DependencyUnavailable when any report could not be queued
     */
    void enqueue(List<ScanReport> reports);
}
