package io.trackline.processor;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.metrics.Emf;
import io.trackline.domain.shipment.usecase.TrackScans;
import io.trackline.engine.TrackingEngine;
import io.trackline.processor.adapter.dynamodb.DeadLetterReasons;
import io.trackline.processor.application.FailedMessages;

import java.time.Clock;

/**
 * The processor's one wiring: the engine's {@link TrackScans} on the table, the failure reasons beside it, EMF metrics.
 * Needs {@code TABLE_NAME} and the engine's optional settings ({@link TrackingEngine}).
 */
public record ProcessorWiring(TrackScans trackScans, FailedMessages failedMessages, Emf metrics) {

    public static ProcessorWiring fromEnvironment() {
        return from(Settings.fromEnvironment());
    }

    public static ProcessorWiring from(Settings settings) {
        return from(settings, new AwsClients(settings), Clock.systemUTC());
    }

    /** Tests and benchmarks pass clients with interceptors (call counting, fault injection) and their clock. */
    public static ProcessorWiring from(Settings settings, AwsClients clients, Clock clock) {
        return new ProcessorWiring(TrackingEngine.from(settings, clients, clock).trackScans(),
                new DeadLetterReasons(clients.dynamoDb(), settings.required("TABLE_NAME"), clock),
                Emf.toLog(TrackingEngine.METRICS_NAMESPACE));
    }
}
