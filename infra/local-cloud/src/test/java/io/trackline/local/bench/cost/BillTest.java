package io.trackline.local.bench.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BillTest {
    @Test
    void one_unit_per_scan_costs_a_million_units_per_million_scans() {
        Bill bill = new Bill(200).add(Price.API_REQUEST, 200).add(Price.DYNAMODB_WRITE, 400);

        assertThat(bill.perScan(Price.DYNAMODB_WRITE)).isEqualTo(2.0);
        assertThat(bill.dollarsPerMillionScans(Price.API_REQUEST)).isCloseTo(1.00, within(1e-9));
        assertThat(bill.dollarsPerMillionScans(Price.DYNAMODB_WRITE)).isCloseTo(1.25, within(1e-9));
    }

    @Test
    void services_sum_their_prices_and_the_total_leaves_sms_out() {
        Bill bill = new Bill(1000)
                .add(Price.LAMBDA_REQUEST, 3000)          // 3 per scan: $0.60 per million scans
                .add(Price.LAMBDA_GB_SECOND, 150)         // 0.15 per scan: $2.00
                .add(Price.DYNAMODB_READ, 4000)           // 4 per scan: $0.50
                .add(Price.DYNAMODB_WRITE, 2000)          // 2 per scan: $1.25
                .add(Price.SMS, 100);                     // alerts, not scans

        assertThat(bill.byService()).containsOnlyKeys("API Gateway", "Lambda", "SQS", "SNS", "DynamoDB", "CloudWatch Logs",
                "Secrets Manager");
        assertThat(bill.byService().get("Lambda")).isCloseTo(2.60, within(1e-4));
        assertThat(bill.byService().get("DynamoDB")).isCloseTo(1.75, within(1e-9));
        assertThat(bill.totalPerMillionScans()).isCloseTo(4.35, within(1e-4));
        assertThat(bill.dollarsPerMillionScans(Price.SMS)).isCloseTo(581.0, within(1e-9));
    }

    @Test
    void units_added_twice_accumulate() {
        Bill bill = new Bill(10).add(Price.SQS_REQUEST, 7).add(Price.SQS_REQUEST, 13);

        assertThat(bill.units(Price.SQS_REQUEST)).isEqualTo(20.0);
        assertThat(bill.dollarsPerMillionScans(Price.SQS_REQUEST)).isCloseTo(0.80, within(1e-9));
    }

    @Test
    void lambda_gb_seconds_are_billed_milliseconds_times_memory_size() {
        assertThat(Bill.gbSeconds(1000, 1024)).isEqualTo(1.0);
        assertThat(Bill.gbSeconds(37, 512)).isCloseTo(0.0185, within(1e-12));
    }

    @Test
    void sqs_and_sns_meter_every_started_64_kb() {
        assertThat(Bill.chunks64k(0)).isEqualTo(1);
        assertThat(Bill.chunks64k(65_536)).isEqualTo(1);
        assertThat(Bill.chunks64k(65_537)).isEqualTo(2);
    }

    @Test
    void log_bytes_are_metered_in_gigabytes() {
        assertThat(Bill.gigabytes(1L << 30)).isEqualTo(1.0);
    }

    @Test
    void a_bill_without_scans_is_refused() {
        assertThatThrownBy(() -> new Bill(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
