package io.trackline.local.bench.cost;

/**
 * AWS list prices in us-east-1, the one place the Lambda bench's cost figures take them from (read 2026-12-06; the
 * first paid tier, free tiers left out):
 * <ul>
 *   <li>Lambda, arm64 (the template's architecture): https://aws.amazon.com/lambda/pricing/</li>
 *   <li>API Gateway, HTTP API, first 300 million requests a month, each started 512 KB one request:
 *       https://aws.amazon.com/api-gateway/pricing/</li>
 *   <li>SQS, standard queue, each started 64 KB one request: https://aws.amazon.com/sqs/pricing/</li>
 *   <li>SNS, standard topic, each started 64 KB one publish; deliveries to SQS and Lambda are free:
 *       https://aws.amazon.com/sns/pricing/</li>
 *   <li>DynamoDB on-demand, Standard table class: https://aws.amazon.com/dynamodb/pricing/on-demand/ (GetRecords by a
 *       Lambda stream trigger is free)</li>
 *   <li>CloudWatch Logs, standard log ingestion (Lambda's logs), first tier: https://aws.amazon.com/cloudwatch/pricing/</li>
 *   <li>Secrets Manager API calls: https://aws.amazon.com/secrets-manager/pricing/</li>
 *   <li>SMS to a US number, AWS End User Messaging base price before carrier fees:
 *       https://aws.amazon.com/end-user-messaging/pricing/</li>
 *   <li>X-Ray traces recorded (the template's {@code Tracing: Active}): https://aws.amazon.com/xray/pricing/</li>
 * </ul>
 * The last two are printed apart from the cost per scan, each with why ({@link #apart()}).
 */
public enum Price {
    API_REQUEST("API Gateway", "requests", 1.00 / 1_000_000, null),
    LAMBDA_REQUEST("Lambda", "requests", 0.20 / 1_000_000, null),
    LAMBDA_GB_SECOND("Lambda", "GB-seconds", 0.0000133334, null),
    SQS_REQUEST("SQS", "requests", 0.40 / 1_000_000, null),
    SNS_REQUEST("SNS", "requests", 0.50 / 1_000_000, null),
    DYNAMODB_READ("DynamoDB", "read request units", 0.125 / 1_000_000, null),
    DYNAMODB_WRITE("DynamoDB", "write request units", 0.625 / 1_000_000, null),
    LOGS_GB("CloudWatch Logs", "GB ingested", 0.50, null),
    SECRETS_CALL("Secrets Manager", "API calls", 0.05 / 10_000, null),
    SMS("SMS", "messages", 0.00581, "paid per alert sent (US base price, before carrier fees), not per scan"),
    XRAY_TRACE("X-Ray", "traces recorded", 5.00 / 1_000_000, "at most: every trace recorded, as X-Ray's default sampling"
            + " does below 1 request a second (the first each second, then 5 %); about a twentieth of it under steady load");

    private final String service;
    private final String unit;
    private final double dollars;
    private final String apart;

    Price(String service, String unit, double dollars, String apart) {
        this.service = service;
        this.unit = unit;
        this.dollars = dollars;
        this.apart = apart;
    }

    public String service() {
        return service;
    }

    public String unit() {
        return unit;
    }

    /** Dollars per unit. */
    public double dollars() {
        return dollars;
    }

    /** Whether it belongs in the cost per scan. */
    public boolean perScan() {
        return apart == null;
    }

    /** Why a price is printed apart from the cost per scan (empty for those in it). */
    public String apart() {
        return apart == null ? "" : apart;
    }
}
