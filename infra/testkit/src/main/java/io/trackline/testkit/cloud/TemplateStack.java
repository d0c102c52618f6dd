package io.trackline.testkit.cloud;

import io.trackline.emulator.Emulator;
import io.trackline.testkit.Repository;
import io.trackline.testkit.template.Resolver;
import io.trackline.testkit.template.Template;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * template.yaml's tables, queues (with their redrive policies), topics, subscriptions and secrets on an emulator, made
 * by the local cloud's {@link Provisioner}: tests take their resources from the template instead of copies of it.
 * With a fresh prefix per call, stacks in one emulator never share data.
 */
public final class TemplateStack {
    private static volatile Template template;

    private TemplateStack() {
    }

    /** The repository's template.yaml, read once. */
    public static Template template() {
        Template loaded = template;
        if (loaded == null) {
            loaded = Template.load(Repository.template());
            template = loaded;
        }
        return loaded;
    }

    /** Every resource of the template, with the template's own queue settings, under a fresh prefix. */
    public static Stack provision(Emulator emulator) {
        return provision(emulator.endpoint(), freshPrefix(), Optional.empty());
    }

    /** Every resource of the template, with the template's own queue settings, named with a given prefix ("" for the logical ids). */
    public static Stack provision(Emulator emulator, String namePrefix) {
        return provision(emulator.endpoint(), namePrefix, Optional.empty());
    }

    /**
     * Every resource of the template.
     *
     * @param prefix prepended to every physical name (the logical id)
     * @param visibilityTimeout replaces every queue's visibility timeout (as the local cloud does), so failed messages come back quickly
     */
    public static Stack provision(URI endpoint, String prefix, Optional<Duration> visibilityTimeout) {
        try (LocalAws aws = new LocalAws(endpoint, Emulator.DEFAULT_REGION)) {
            Resolver resolver = new Resolver(template(), "trackline-test", aws.region(), LocalAws.ACCOUNT_ID);
            return new Provisioner(aws, template(), resolver, prefix, visibilityTimeout).provision();
        }
    }

    /** A name prefix no other stack in the emulator has. */
    public static String freshPrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
