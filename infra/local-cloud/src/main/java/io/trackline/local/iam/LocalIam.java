package io.trackline.local.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.aws.Json;
import io.trackline.testkit.template.Resolver;
import io.trackline.testkit.template.Specs;
import io.trackline.testkit.template.Template;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * IAM as a deploy leaves it, on the emulator: each role of the transformed template with its inline policies (the SAM
 * policy templates expanded into statements) and the AWS managed policies the emulator knows, plus one operator user
 * for the local cloud itself (its pollers, gateway and seeder act for AWS services and for you, as an administrator).
 * Each function's process gets its role's temporary credentials (STS {@code AssumeRole}: key, secret and session token),
 * as Lambda gives them. With moto, {@link io.trackline.emulator.Emulator#enforceIam()} then makes every request prove
 * itself against these policies.
 */
public final class LocalIam implements AutoCloseable {
    public static final String OPERATOR = "trackline-local-operator";

    /** An access key of an IAM user. */
    public record Keys(String accessKeyId, String secretAccessKey) {
    }

    private final StsClient sts;
    private final Map<String, String> roleArns;
    private final java.util.Set<String> notAttached;
    private final List<String> widened;
    private final Keys operator;

    private LocalIam(StsClient sts, Map<String, String> roleArns, java.util.Set<String> notAttached, List<String> widened,
                     Keys operator) {
        this.sts = sts;
        this.widened = List.copyOf(widened);
        this.roleArns = roleArns;
        this.notAttached = notAttached;
        this.operator = operator;
    }

    /**
     * Creates every role of the transformed template (named {@code prefix + logical id}) and the operator user, with the
     * emulator's set-up credentials (before IAM is enforced).
     */
    public static LocalIam create(URI endpoint, String region, Template transformed, Resolver resolver, String prefix,
                                  String setUpKey) {
        Map<String, String> roleArns = new LinkedHashMap<>();
        java.util.Set<String> notAttached = new java.util.TreeSet<>();
        List<String> widened = new java.util.ArrayList<>();
        Keys operator;
        try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(setUpKey, setUpKey)))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String operatorArn = iam.createUser(b -> b.userName(prefix + OPERATOR)).user().arn();
            iam.putUserPolicy(b -> b.userName(prefix + OPERATOR).policyName("operator")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
            var key = iam.createAccessKey(b -> b.userName(prefix + OPERATOR)).accessKey();
            operator = new Keys(key.accessKeyId(), key.secretAccessKey());
            for (Specs.Role role : transformed.roles()) {
                String where = role.logicalId() + ".Properties";
                String name = prefix + role.logicalId();
                roleArns.put(role.logicalId(), iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trustedBy(operatorArn)))
                        .role().arn());
                role.policies().forEach((policy, document) -> {
                    Object resolved = versioned(resolver.resolve(document, where + ".Policies." + policy));
                    iam.putRolePolicy(b -> b.roleName(name).policyName(policy)
                            .policyDocument(json(MotoScope.of(resolved, role.logicalId(), widened))));
                });
                for (Object managed : role.managedPolicyArns()) {
                    String arn = resolver.string(managed, where + ".ManagedPolicyArns");
                    try {
                        iam.attachRolePolicy(b -> b.roleName(name).policyArn(arn));
                    } catch (NoSuchEntityException unknown) {
                        notAttached.add(arn.substring(arn.lastIndexOf('/') + 1));
                    }
                }
            }
        }
        StsClient sts = StsClient.builder().region(Region.of(region)).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(operator.accessKeyId(), operator.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create()).build();
        return new LocalIam(sts, roleArns, notAttached, widened, operator);
    }

    /** The local cloud's own keys (an administrator); also what the infra/bin tools need against the local cloud. */
    public Keys operator() {
        return operator;
    }

    /** Every statement whose resources moto cannot check, widened to {@code *} (role: actions on resources). */
    public List<String> widened() {
        return widened;
    }

    /** Managed policies the emulator does not know (moto loads none unless asked), not attached. */
    public List<String> notAttached() {
        return List.copyOf(notAttached);
    }

    /**
     * The trust policy locally: the local cloud stands in for Lambda ({@code lambda.amazonaws.com}, which the
     * template's roles trust) when it assumes a function's role, and moto checks trust policies, so the role trusts the
     * operator instead.
     */
    private static String trustedBy(String operatorArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + operatorArn
                + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    /**
     * Fresh temporary credentials of the role, asked for at each process start, as Lambda's environment variables.
     *
     * @throws IllegalArgumentException when the template has no such role
     */
    public Supplier<Map<String, String>> credentialsOf(String roleLogicalId, String sessionName) {
        String arn = roleArns.get(roleLogicalId);
        if (arn == null) throw new IllegalArgumentException("no role " + roleLogicalId + " in the transformed template");
        return () -> {
            var credentials = sts.assumeRole(b -> b.roleArn(arn).roleSessionName(sessionName)).credentials();
            return Map.of("AWS_ACCESS_KEY_ID", credentials.accessKeyId(), "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey(),
                    "AWS_SESSION_TOKEN", credentials.sessionToken());
        };
    }

    /**
     * The SAM transform writes its policy templates' documents without a {@code Version}, which IAM takes as 2008-10-17
     * and moto refuses: locally they say 2012-10-17 (no difference for these statements, which use no policy variables).
     */
    private static Object versioned(Object document) {
        if (!(document instanceof Map<?, ?> map) || map.containsKey("Version")) return document;
        Map<Object, Object> versioned = new LinkedHashMap<>();
        versioned.put("Version", "2012-10-17");
        versioned.putAll(map);
        return versioned;
    }

    private static String json(Object document) {
        try {
            return Json.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resolved policy is plain data", e);
        }
    }

    @Override
    public void close() {
        sts.close();
    }
}
