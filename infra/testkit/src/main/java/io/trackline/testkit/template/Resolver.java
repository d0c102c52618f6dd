package io.trackline.testkit.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.aws.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates intrinsic functions the way CloudFormation does once a stack exists: parameters take their defaults,
 * pseudo parameters describe the local stack, and each resource's {@code Ref} and attributes are what the provisioner
 * {@link #register registered} when it created it (a queue's {@code Ref} is its URL, a topic's its ARN, ...).
 * Resources that are not emulated resolve to their logical id and a synthetic ARN, so the template may reference them.
 */
public final class Resolver {
    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]+)}");

    private final Template template;
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, Created> created = new HashMap<>();
    private final String region;
    private final String accountId;

    private record Created(String ref, Map<String, String> attributes) {
    }

    public Resolver(Template template, String stackName, String region, String accountId) {
        this.template = template;
        this.region = region;
        this.accountId = accountId;
        template.parameters().values().forEach(p -> p.defaultValue().ifPresent(v -> parameters.put(p.name(), v)));
        parameters.put("AWS::Region", region);
        parameters.put("AWS::AccountId", accountId);
        parameters.put("AWS::Partition", "aws");
        parameters.put("AWS::StackName", stackName);
        parameters.put("AWS::StackId", "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + stackName + "/local");
        parameters.put("AWS::URLSuffix", "amazonaws.com");
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /** Gives a parameter this value instead of its default, as {@code sam deploy --parameter-overrides} would. */
    public void override(String parameter, String value) {
        if (!template.parameters().containsKey(parameter)) {
            throw new TemplateException("parameter " + parameter + " is not declared in Parameters");
        }
        parameters.put(parameter, value);
    }

    /** What {@code !Ref logicalId} and {@code !GetAtt logicalId.X} answer from now on. */
    public void register(String logicalId, String ref, Map<String, String> attributes) {
        created.put(logicalId, new Created(ref, Map.copyOf(attributes)));
    }

    public boolean isRegistered(String logicalId) {
        return created.containsKey(logicalId);
    }

    public String string(Object value, String where) {
        Object resolved = resolve(value, where);
        if (resolved instanceof Map<?, ?> || resolved instanceof List<?> || resolved == null) {
            throw new TemplateException(where + " should resolve to a string, got " + resolved);
        }
        return String.valueOf(resolved);
    }

    /** The value with every intrinsic evaluated: strings, numbers, booleans, lists and maps. */
    public Object resolve(Object value, String where) {
        Object resolved = evaluate(value, where);
        return resolved == NO_VALUE ? null : resolved;
    }

    private Object evaluate(Object value, String where) {
        return switch (value) {
            case Intrinsic.Ref ref -> ref(ref.name(), where);
            case Intrinsic.GetAtt getAtt -> getAtt(getAtt, where);
            case Intrinsic.Condition condition -> condition(condition.name(), where);
            case Intrinsic.Fn fn -> function(fn, where);
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> {
                    Object r = evaluate(v, where + "." + k);
                    if (r != NO_VALUE) out.put(String.valueOf(k), r);
                });
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>();
                for (Object item : list) {
                    Object r = evaluate(item, where);
                    if (r != NO_VALUE) out.add(r);
                }
                yield out;
            }
            case null -> null;
            default -> value;
        };
    }

    private Object ref(String name, String where) {
        if (name.equals("AWS::NoValue")) return NO_VALUE;
        if (parameters.containsKey(name)) return parameters.get(name);
        if (created.containsKey(name)) return created.get(name).ref();
        if (template.parameters().containsKey(name)) {
            throw new TemplateException(where + ": parameter " + name + " has no Default, which the local cloud needs");
        }
        String type = template.typeOf(name)
                .orElseThrow(() -> new TemplateException(where + ": !Ref " + name + " names no parameter or resource"));
        if (isEmulated(type)) {
            throw new TemplateException(where + ": !Ref " + name + " is used before " + name + " exists (a dependency cycle?)");
        }
        return name;
    }

    private Object getAtt(Intrinsic.GetAtt getAtt, String where) {
        Created resource = created.get(getAtt.resource());
        if (resource != null && resource.attributes().containsKey(getAtt.attribute())) {
            return resource.attributes().get(getAtt.attribute());
        }
        String type = template.typeOf(getAtt.resource()).orElseThrow(() ->
                new TemplateException(where + ": !GetAtt " + getAtt.resource() + "." + getAtt.attribute() + " names no resource"));
        if (!isEmulated(type) && getAtt.attribute().equals("Arn")) {
            String service = type.split("::")[1].toLowerCase(java.util.Locale.ROOT);
            return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + getAtt.resource();
        }
        throw new TemplateException(where + ": !GetAtt " + getAtt.resource() + "." + getAtt.attribute()
                + " is not available locally" + (resource == null ? " (" + getAtt.resource() + " does not exist yet)" : ""));
    }

    private static boolean isEmulated(String type) {
        return List.of(Template.TABLE, Template.QUEUE, Template.TOPIC, Template.SUBSCRIPTION, Template.SECRET).contains(type);
    }

    private boolean condition(String name, String where) {
        Object definition = template.conditions().get(name);
        if (definition == null) throw new TemplateException(where + ": condition " + name + " is not declared in Conditions");
        return truth(evaluate(definition, "Conditions." + name), where);
    }

    private static boolean truth(Object value, String where) {
        if (value instanceof Boolean b) return b;
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) return Boolean.parseBoolean(s);
        throw new TemplateException(where + ": a condition must be true or false, got " + value);
    }

    private Object function(Intrinsic.Fn fn, String where) {
        List<?> args = fn.arguments();
        String here = where + " (Fn::" + fn.name() + ")";
        return switch (fn.name()) {
            case "Sub" -> sub(args, here);
            case "Join" -> {
                String delimiter = string(args.get(0), here);
                Object items = evaluate(args.get(1), here);
                if (!(items instanceof List<?> list)) throw new TemplateException(here + " needs a list to join");
                yield String.join(delimiter, list.stream().map(String::valueOf).toList());
            }
            case "Select" -> {
                int index = Integer.parseInt(string(args.get(0), here));
                Object items = evaluate(args.get(1), here);
                if (!(items instanceof List<?> list) || index < 0 || index >= list.size()) {
                    throw new TemplateException(here + " index " + index + " is out of range");
                }
                yield list.get(index);
            }
            case "Split" -> List.of(string(args.get(1), here).split(Pattern.quote(string(args.get(0), here)), -1));
            case "If" -> evaluate(condition(String.valueOf(args.get(0)), here) ? args.get(1) : args.get(2), here);
            case "Equals" -> String.valueOf(evaluate(args.get(0), here)).equals(String.valueOf(evaluate(args.get(1), here)));
            case "Not" -> !truth(evaluate(args.get(0), here), here);
            case "And" -> args.stream().allMatch(a -> truth(evaluate(a, here), here));
            case "Or" -> args.stream().anyMatch(a -> truth(evaluate(a, here), here));
            case "FindInMap" -> findInMap(args, here);
            case "Base64" -> Base64.getEncoder().encodeToString(string(args.get(0), here).getBytes(StandardCharsets.UTF_8));
            case "GetAZs" -> List.of(region + "a", region + "b", region + "c");
            case "ToJsonString" -> {
                try {
                    yield Json.mapper().writeValueAsString(evaluate(fn.argument(), here));
                } catch (JsonProcessingException e) {
                    throw new TemplateException(here + " cannot be written as JSON: " + e.getOriginalMessage());
                }
            }
            default -> throw new TemplateException(here + " is not supported by the local cloud");
        };
    }

    private Object findInMap(List<?> args, String where) {
        Object top = template.mappings().get(string(args.get(0), where));
        if (top instanceof Map<?, ?> first && first.get(string(args.get(1), where)) instanceof Map<?, ?> second) {
            Object value = second.get(string(args.get(2), where));
            if (value != null) return evaluate(value, where);
        }
        throw new TemplateException(where + ": no such mapping entry " + args);
    }

    private String sub(List<?> args, String where) {
        String text = String.valueOf(args.get(0));
        Map<String, Object> variables = new HashMap<>();
        if (args.size() > 1 && args.get(1) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> variables.put(String.valueOf(k), evaluate(v, where)));
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}";
            } else if (variables.containsKey(m.group(2))) {
                replacement = String.valueOf(variables.get(m.group(2)));
            } else if (m.group(2).contains(".") && !m.group(2).startsWith("AWS::")) {
                String[] parts = m.group(2).split("\\.", 2);
                replacement = String.valueOf(getAtt(new Intrinsic.GetAtt(parts[0], parts[1]), where));
            } else {
                replacement = String.valueOf(ref(m.group(2), where));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
