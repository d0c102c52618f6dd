package io.trackline.sweeper;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.metrics.Emf;
import io.trackline.domain.shipment.usecase.SweepShipments;
import io.trackline.engine.TrackingEngine;

import java.time.Clock;

/**
 * The sweeper's one wiring: the engine's {@link SweepShipments} on the table, at most {@code SWEEP_LIMIT} shipments a
 * run ({@value #DEFAULT_LIMIT}), EMF metrics. Needs {@code TABLE_NAME} and the engine's optional settings.
 */
public record SweeperWiring(SweepShipments sweep, int limit, Emf metrics) {
    /** Bounded so one run fits its timeout; what is left stays due and is picked up 15 minutes later. */
    static final int DEFAULT_LIMIT = 2_000;

    public static SweeperWiring fromEnvironment() {
        return from(Settings.fromEnvironment());
    }

    public static SweeperWiring from(Settings settings) {
        return from(settings, new AwsClients(settings), Clock.systemUTC());
    }

    /** Tests pass clients with interceptors and their clock. */
    public static SweeperWiring from(Settings settings, AwsClients clients, Clock clock) {
        return new SweeperWiring(TrackingEngine.from(settings, clients, clock).sweepShipments(),
                settings.intValue("SWEEP_LIMIT", DEFAULT_LIMIT), Emf.toLog(TrackingEngine.METRICS_NAMESPACE));
    }
}
