package io.trackline.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.engine.TrackingEngine;
import io.trackline.aws.log.Log;
import io.trackline.aws.metrics.Emf;
import io.trackline.domain.shipment.usecase.SweepShipments;

import java.time.Clock;
import java.util.Map;

/**
 * Every 15 minutes (EventBridge schedule; the payload is ignored): flags delayed, stalled and suspected-lost shipments
 * found through the sparse due index GSI3, each alert once, through the same outbox as the processor. Each run writes
 * one EMF line: shipments checked, changed, announcements.
 */
public final class SweeperHandler implements RequestHandler<Map<String, Object>, Void> {
    private static final Log LOG = Log.of(SweeperHandler.class);
    /** Bounded so one run fits its timeout; what is left stays due and is picked up 15 minutes later. */
    static final int DEFAULT_LIMIT = 2_000;

    private final SweepShipments sweep;
    private final int limit;
    private final Emf metrics;

    public SweeperHandler() {
        this(Settings.fromEnvironment());
    }

    public SweeperHandler(Settings settings) {
        this(settings, new AwsClients(settings), Clock.systemUTC());
    }

    public SweeperHandler(Settings settings, AwsClients clients, Clock clock) {
        this(TrackingEngine.from(settings, clients, clock).sweepShipments(), settings.intValue("SWEEP_LIMIT", DEFAULT_LIMIT),
                Emf.toLog(TrackingEngine.METRICS_NAMESPACE));
    }

    public SweeperHandler(SweepShipments sweep, int limit, Emf metrics) {
        this.sweep = sweep;
        this.limit = limit;
        this.metrics = metrics;
    }

    @Override
    public Void handleRequest(Map<String, Object> input, Context context) {
        var result = sweep.sweep(limit);
        LOG.info("sweep done", "checked", result.checked(), "changed", result.changed(),
                "announcements", result.announcements());
        metrics.line().count("sweptShipments", result.checked()).count("sweepChanges", result.changed())
                .count("sweepAnnouncements", result.announcements()).emit();
        return null;
    }
}
