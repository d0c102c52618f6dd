package io.trackline.processor.application;

/** Where the processor records why a message failed, for whoever later finds it in the DLQ. */
@FunctionalInterface
public interface FailedMessages {
    void record(String messageId, String reason, int receiveCount);
}
