package io.trackline.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import io.trackline.aws.lambda.JsonEventHandler;
import io.trackline.aws.log.Log;
import io.trackline.aws.metrics.Emf;
import io.trackline.domain.shipment.usecase.SweepShipments;

/**
 * Every 15 minutes (EventBridge schedule; the payload is ignored): flags delayed, stalled and suspected-lost shipments
 * found through the sparse due index GSI3, each alert once, through the same outbox as the processor. Each run writes
 * one EMF line: shipments checked, changed, announcements.
 */
public final class SweeperHandler extends JsonEventHandler<Object, Void> {
    private static final Log LOG = Log.of(SweeperHandler.class);

    private final SweepShipments sweep;
    private final int limit;
    private final Emf metrics;

    public SweeperHandler() {
        this(SweeperWiring.fromEnvironment());
    }

    public SweeperHandler(SweeperWiring wiring) {
        super(Object.class);
        this.sweep = wiring.sweep();
        this.limit = wiring.limit();
        this.metrics = wiring.metrics();
    }

    @Override
    public Void handleRequest(Object schedule, Context context) {
        var result = sweep.sweep(limit);
        LOG.info("sweep done", "checked", result.checked(), "changed", result.changed(),
                "announcements", result.announcements());
        metrics.line().count("sweptShipments", result.checked()).count("sweepChanges", result.changed())
                .count("sweepAnnouncements", result.announcements()).emit();
        return null;
    }
}
