package io.trackline.page.application;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ShowTrackingPageTest {
    private final List<String> lookedUp = new ArrayList<>();
    private final ShowTrackingPage show = new ShowTrackingPage(id -> {
        lookedUp.add(id);
        return Optional.empty();
    });

    @Test
    void shouldNotLookUp_whatCannotBeAShipmentId() {
        for (String id : new String[]{null, "", "shp_", "shp_4bT9xQ2mZr7LkP0aWc3Yd", "shp_4bT9xQ2mZr7LkP0aWc3Yd1x",
                "SHP_4bT9xQ2mZr7LkP0aWc3Yd1", "shp_4bT9xQ2mZr7LkP0aWc3Y-1", "shp_4bT9xQ2mZr7LkP0aWc3Yé1", "TRACK#ups#1"}) {
            assertThat(show.show(id)).as(String.valueOf(id)).isEmpty();
        }
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void shouldLookUp_anIdAsRegistrationMakesThem() {
        String id = io.trackline.domain.shipment.usecase.RegisterShipment.newShipmentId();

        show.show(id);

        assertThat(lookedUp).containsExactly(id);
    }
}
