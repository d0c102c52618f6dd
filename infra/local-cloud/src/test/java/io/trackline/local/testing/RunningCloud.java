package io.trackline.local.testing;

import io.trackline.local.LocalCloud;
import io.trackline.local.LocalCloudOptions;
import io.trackline.testkit.cloud.LocalAws;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local cloud per test class, with SDK clients on its emulator: {@code @RegisterExtension static final RunningCloud
 * CLOUD = new RunningCloud(LocalCloudOptions.forTests());}, then {@code CLOUD.cloud()} and {@code CLOUD.aws()} in the
 * tests (started before the test instance exists).
 */
public final class RunningCloud implements BeforeAllCallback, AfterAllCallback {
    private final LocalCloudOptions options;
    private LocalCloud cloud;
    private LocalAws aws;

    public RunningCloud(LocalCloudOptions options) {
        this.options = options;
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public LocalAws aws() {
        return aws;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cloud = LocalCloud.start(options);
        aws = new LocalAws(cloud.awsEndpoint(), "us-east-1", cloud.demo().awsAccessKeyId(), cloud.demo().awsSecretAccessKey());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (aws != null) aws.close();
        if (cloud != null) cloud.close();
    }
}
