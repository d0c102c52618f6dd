package io.trackline.domain.shipment;

import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanKey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-safety check shared by the in-memory and the DynamoDB runs: deliver the same scans and estimates in any
 * order, duplication and batching, and compare with one clean, ordered delivery.
 */
public final class OrderSafetyProperties {
    private OrderSafetyProperties() {
    }

    /** What a run must agree on; versions and alert bookkeeping legitimately depend on the path taken. */
    public record Outcome(Object status, Object milestone, boolean terminal, boolean delayed, boolean returnLeg, Eta eta,
                          Map<ScanKey, Boolean> history) {
        static Outcome of(Shipment shipment, List<TrackedScan> history) {
            return new Outcome(shipment.status(), shipment.milestone(), shipment.terminal(), shipment.delayed(),
                    shipment.returnLeg(), shipment.tracking().eta(),
                    history.stream().collect(Collectors.toMap(t -> t.scan().key(), TrackedScan::postTerminal)));
        }
    }

    /** A fresh engine: registers the package, applies batches, reads the result back. */
    public interface Engine {
        String register();

        void deliver(List<Scan> scans, List<CarrierEstimate> estimates);

        Shipment shipment(String id);

        List<TrackedScan> history(String id);
    }

    public static void check(Function<Integer, Engine> engines, List<Scan> scans, List<CarrierEstimate> estimates, long seed) {
        Engine reference = engines.apply(0);
        String referenceId = reference.register();
        reference.deliver(scans.stream().sorted(java.util.Comparator.comparing(s -> s.occurredAt().toInstant())).toList(),
                estimates);
        Outcome expected = Outcome.of(reference.shipment(referenceId), reference.history(referenceId));

        Engine engine = engines.apply(1);
        String id = engine.register();
        Shipment previous = engine.shipment(id);
        for (List<ScanStreams.Item> batch : ScanStreams.deliveries(scans, estimates, seed)) {
            engine.deliver(batch.stream().map(ScanStreams.Item::scan).filter(Objects::nonNull).toList(),
                    batch.stream().map(ScanStreams.Item::estimate).filter(Objects::nonNull).toList());
            Shipment now = engine.shipment(id);
            assertThat(now.milestone()).as("milestone never goes back").isGreaterThanOrEqualTo(previous.milestone());
            if (previous.terminal()) assertThat(now.terminal()).as("terminal never reopens").isTrue();
            previous = now;
        }
        List<TrackedScan> history = engine.history(id);
        assertThat(history).as("each scan once").hasSize(history.stream().map(t -> t.scan().key()).distinct().toList().size());
        assertThat(Outcome.of(engine.shipment(id), history)).isEqualTo(expected);
    }
}
