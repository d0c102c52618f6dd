package io.trackline.local.testing;

import io.trackline.local.LocalCloud;
import io.trackline.local.LocalCloudOptions;
import io.trackline.testkit.cloud.LocalAws;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Optional;

/**
 * A local cloud for a test class, with SDK clients on its emulator, then {@code CLOUD.cloud()} and {@code CLOUD.aws()}
 * in the tests (started before the test instance exists). Either the test JVM's one shared cloud, started by the first
 * class that asks and closed when the JVM exits: {@code @RegisterExtension static final RunningCloud CLOUD =
 * RunningCloud.shared();} (its tests find other classes' data there, so they read only their own shipments, phones,
 * customers and endpoints); or a cloud of the class's own, for a class that changes how the cloud runs or looks at all
 * of it: {@code new RunningCloud(options)}. The shared one is held by the JVM rather than by JUnit's root context:
 * failsafe may run each class as a JUnit execution of its own.
 */
public final class RunningCloud implements BeforeAllCallback, AfterAllCallback {
    /** The JVM's shared cloud, once started; guarded by the class. */
    private static Started shared;

    /** Empty for the shared cloud. */
    private final Optional<LocalCloudOptions> own;
    private Started started;

    public RunningCloud(LocalCloudOptions options) {
        this(Optional.of(options));
    }

    private RunningCloud(Optional<LocalCloudOptions> own) {
        this.own = own;
    }

    /** The test JVM's one local cloud with {@link LocalCloudOptions#forTests()}. */
    public static RunningCloud shared() {
        return new RunningCloud(Optional.empty());
    }

    public LocalCloud cloud() {
        return started.cloud();
    }

    public LocalAws aws() {
        return started.aws();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started = own.map(Started::of).orElseGet(RunningCloud::sharedCloud);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (own.isPresent() && started != null) started.close();
    }

    private static synchronized Started sharedCloud() {
        if (shared == null) {
            shared = Started.of(LocalCloudOptions.forTests());
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shared-local-cloud").unstarted(shared::close));
        }
        return shared;
    }

    /** A started cloud and its clients. */
    private record Started(LocalCloud cloud, LocalAws aws) implements AutoCloseable {
        static Started of(LocalCloudOptions options) {
            LocalCloud cloud = LocalCloud.start(options);
            return new Started(cloud, new LocalAws(cloud.awsEndpoint(), "us-east-1", cloud.demo().awsAccessKeyId(),
                    cloud.demo().awsSecretAccessKey()));
        }

        @Override
        public void close() {
            aws.close();
            cloud.close();
        }
    }
}
