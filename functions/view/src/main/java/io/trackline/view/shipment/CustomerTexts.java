package io.trackline.view.shipment;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Status;

import java.util.EnumMap;
import java.util.Map;

/** What a person reads for each status and exception: one table each, so every value has exactly one text. */
public final class CustomerTexts {
    private static final Map<Status, String> STATUS = new EnumMap<>(Map.ofEntries(
            Map.entry(Status.UNKNOWN, "Waiting for the first update from the carrier."),
            Map.entry(Status.LABEL_CREATED, "The seller created a shipping label; the carrier does not have the package yet."),
            Map.entry(Status.PICKED_UP, "The carrier has picked up your package."),
            Map.entry(Status.IN_TRANSIT, "Your package is on its way."),
            Map.entry(Status.OUT_FOR_DELIVERY, "Your package is out for delivery today."),
            Map.entry(Status.DELIVERY_ATTEMPTED, "The carrier tried to deliver your package."),
            Map.entry(Status.AVAILABLE_FOR_PICKUP, "Your package is waiting for you at a pickup point."),
            Map.entry(Status.EXCEPTION, "There is a problem with your delivery."),
            Map.entry(Status.RETURN_TO_SENDER, "Your package is on its way back to the seller."),
            Map.entry(Status.DELIVERED, "Your package was delivered."),
            Map.entry(Status.RETURNED, "Your package was returned to the seller."),
            Map.entry(Status.LOST, "The carrier has lost your package. The seller will help you."),
            Map.entry(Status.CANCELLED, "This shipment was cancelled."),
            Map.entry(Status.EXPIRED, "The carrier stopped sending updates for this package.")));

    private static final Map<ExceptionReason, Text> EXCEPTION = new EnumMap<>(Map.ofEntries(
            Map.entry(ExceptionReason.ADDRESS_ISSUE, new Text("The carrier could not use the delivery address.",
                    "Check your delivery address and contact support if it is wrong.")),
            Map.entry(ExceptionReason.RECIPIENT_UNAVAILABLE, new Text("Nobody was available to receive the package.",
                    "Be available at the next attempt or arrange a pickup with the carrier.")),
            Map.entry(ExceptionReason.BUSINESS_CLOSED, new Text("The business at the address was closed.",
                    "Make sure someone can receive the package during opening hours.")),
            Map.entry(ExceptionReason.REFUSED, new Text("The package was refused at delivery.",
                    "Contact support if you did not mean to refuse it.")),
            Map.entry(ExceptionReason.CUSTOMS_HOLD, new Text("The package is held by customs.",
                    "Customs may contact you; follow their instructions.")),
            Map.entry(ExceptionReason.CUSTOMS_INFO_REQUIRED, new Text("Customs needs more information about the package.",
                    "Send customs the information they asked for.")),
            Map.entry(ExceptionReason.PAYMENT_DUE, new Text("Duties or fees must be paid before delivery.",
                    "Pay the amount due to the carrier to release the package.")),
            Map.entry(ExceptionReason.DAMAGED, new Text("The package was damaged in transit.",
                    "Report the damage so we can help.")),
            Map.entry(ExceptionReason.HELD_AT_FACILITY, new Text("The package is held at a carrier facility.",
                    "Contact the carrier to arrange delivery or pickup.")),
            Map.entry(ExceptionReason.NOT_COLLECTED, new Text("The package was not collected in time.",
                    "Contact the carrier before it is sent back.")),
            Map.entry(ExceptionReason.MISSORTED, new Text("The package was sent to the wrong facility and is being rerouted.", null)),
            Map.entry(ExceptionReason.WEATHER_DELAY, new Text("Bad weather is delaying the delivery.", null)),
            Map.entry(ExceptionReason.CARRIER_DELAY, new Text("The carrier is running late.", null)),
            Map.entry(ExceptionReason.DOCUMENTS_MISSING, new Text("Shipping documents are missing.",
                    "Contact support; the seller may need to provide documents.")),
            Map.entry(ExceptionReason.CARRIER_REJECTED, new Text("The carrier could not accept the package.",
                    "Contact support; the seller will arrange a new shipment.")),
            Map.entry(ExceptionReason.SECURITY_ISSUE, new Text("The package is held for a security check.", null)),
            Map.entry(ExceptionReason.LOCATION_INACCESSIBLE, new Text("The carrier could not reach the delivery location.",
                    "Make sure the carrier can reach the address, or contact the carrier.")),
            Map.entry(ExceptionReason.RESCHEDULED, new Text("The delivery was rescheduled.", null)),
            Map.entry(ExceptionReason.OTHER, new Text("The carrier reported a problem with the delivery.",
                    "Contact support if the package does not move in the next days."))));

    private CustomerTexts() {
    }

    public static String status(Status status) {
        return STATUS.get(status);
    }

    public static String exception(ExceptionReason reason) {
        return reason == null ? null : EXCEPTION.get(reason).happened();
    }

    /** What the customer should do; a generic pointer when the reason itself asks nothing of them. */
    public static String action(ExceptionReason reason) {
        Text text = reason == null ? EXCEPTION.get(ExceptionReason.OTHER) : EXCEPTION.get(reason);
        return text.whatToDo() != null ? text.whatToDo() : "Contact support if you need help with this delivery.";
    }

    record Text(String happened, String whatToDo) {
    }
}
