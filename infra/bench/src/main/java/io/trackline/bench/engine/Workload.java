package io.trackline.bench.engine;

import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.tracking.ScanReport;

import java.time.Clock;
import java.util.List;

/**
 * One bench run: the packages' registrations (made on {@code registrationClock}) and their webhooks in arrival order.
 *
 * @param newScans scans the webhooks bring that the engine has not seen, the denominator of units per new scan
 * @param sample   a package whose shipment item is shown at the end of its journey
 */
record Workload(String title, Clock registrationClock, List<RegisterShipment.Command> registrations,
                List<ScanReport> webhooks, int newScans, RegisterShipment.Command sample) {
}
