package io.trackline.aws;

import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration: its environment as declared in {@code template.yaml}. In Lambda it is built from the
 * process environment; the local cloud builds it from each function's {@code Environment} with references resolved,
 * since all local functions share one JVM.
 */
public final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("setting " + name + " is missing"));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /** {@code true} only when the setting says {@code true}. */
    public boolean flag(String name) {
        return optional(name).map(Boolean::parseBoolean).orElse(false);
    }

    public int intValue(String name, int defaultValue) {
        return optional(name).map(Integer::parseInt).orElse(defaultValue);
    }

    /** A duration in ISO-8601 ({@code PT48H}, {@code P30D}). */
    public Duration duration(String name, Duration defaultValue) {
        return optional(name).map(Duration::parse).orElse(defaultValue);
    }

    /**
     * The region, decided here only: {@code AWS_REGION} (Lambda sets it; the local cloud passes its own), then
     * {@code AWS_DEFAULT_REGION} (the AWS CLI's name, which the SDK ignores), then the region of the profile
     * ({@code AWS_PROFILE}, else the default one) in the shared config file. Against an emulator
     * ({@code AWS_ENDPOINT_URL}) any region works, so {@value #EMULATOR_REGION} is the last resort; against AWS no
     * region is an error rather than a guess.
     */
    public String region() {
        return optional("AWS_REGION")
                .or(() -> optional("AWS_DEFAULT_REGION"))
                .or(this::profileRegion)
                .or(() -> endpoint().map(e -> EMULATOR_REGION))
                .orElseThrow(() -> new IllegalStateException("no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION, "
                        + "or a region in the AWS profile" + profileName().map(p -> " " + p).orElse("") + ")"));
    }

    static final String EMULATOR_REGION = "us-east-1";

    /** The profile named by {@code AWS_PROFILE} in these settings; empty means the SDK's default profile. */
    public Optional<String> profileName() {
        return optional("AWS_PROFILE");
    }

    private Optional<String> profileRegion() {
        try {
            var provider = profileName()
                    .map(name -> new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, name))
                    .orElseGet(AwsProfileRegionProvider::new);
            return Optional.ofNullable(provider.getRegion()).map(Region::id);
        } catch (RuntimeException noProfileOrNoRegion) {
            return Optional.empty();
        }
    }

    /** Emulator or custom endpoint for every AWS service, from {@code AWS_ENDPOINT_URL}. */
    public Optional<URI> endpoint() {
        return optional("AWS_ENDPOINT_URL").map(URI::create);
    }

    Settings with(String name, String value) {
        var copy = new java.util.HashMap<>(values);
        copy.put(name, value);
        return new Settings(copy);
    }
}
